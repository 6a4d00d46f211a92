package dev.annals.projection;

/** How a rebuild is requested. */
public enum RebuildMode {
    /** No rebuild is requested. */
    NONE,
    /** Empty the live read model and replay from the start; queries see it fill up again. */
    RESET,
    /**
     * Build the next version beside the live one and switch when it has caught up; queries keep seeing
     * the live version, complete, until the switch.
     */
    BLUE_GREEN
}

package dev.annals.store;

/** The order in which a read returns events. */
public enum Direction {
    /** Oldest first: ascending versions or positions. */
    FORWARD,
    /** Newest first: descending versions or positions. */
    BACKWARD
}

package dev.annals.projection;

import static java.util.Objects.requireNonNull;

/**
 * What operators asked of a projection, as its runner reads it from the store every few seconds.
 *
 * @param paused      true when it should not deliver events
 * @param rebuild     the rebuild requested, {@link RebuildMode#NONE} for none
 * @param liveVersion the version of the read model queries see, 1 or more
 */
public record ProjectionControl(boolean paused, RebuildMode rebuild, int liveVersion) {

    /** A projection nobody has asked anything of: running, version 1. */
    public static final ProjectionControl INITIAL = new ProjectionControl(false, RebuildMode.NONE, 1);

    public ProjectionControl {
        requireNonNull(rebuild, "rebuild");
        if (liveVersion < 1) {
            throw new IllegalArgumentException("live version must be 1 or more, was " + liveVersion);
        }
    }
}

package dev.annals.store;

/**
 * A stream's name, its current version and the global position of its last event.
 *
 * @param stream       the stream's name
 * @param version      the version of its last event (0-based)
 * @param lastPosition the global position of its last event
 */
public record StreamInfo(String stream, long version, long lastPosition) {

    /** The version of a stream that has no events: -1. */
    public static final long NO_STREAM = -1;
}

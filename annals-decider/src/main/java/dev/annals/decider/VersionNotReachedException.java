package dev.annals.decider;

/** A state was asked for at a stream version the stream has not reached. */
public final class VersionNotReachedException extends RuntimeException {

    private final String stream;
    private final long requested;
    private final long current;

    /**
     * @param stream    the stream asked for
     * @param requested the version asked for
     * @param current   the stream's current version, -1 when it has no events
     */
    public VersionNotReachedException(String stream, long requested, long current) {
        super("stream '" + stream + "' has no version " + requested + "; its current version is "
                + (current < 0 ? "none (no events)" : Long.toString(current)));
        this.stream = stream;
        this.requested = requested;
        this.current = current;
    }

    /** The stream asked for. */
    public String stream() {
        return stream;
    }

    /** The version asked for. */
    public long requested() {
        return requested;
    }

    /** The stream's current version; -1 when it has no events. */
    public long current() {
        return current;
    }
}

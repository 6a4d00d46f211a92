package dev.annals.store;

/** A truncation asked for a version the stream cannot be truncated before; nothing was changed. */
public final class InvalidTruncationException extends EventStoreException {

    private final String stream;
    private final long beforeVersion;
    private final long lastVersion;

    /**
     * @param stream        the stream
     * @param beforeVersion the version asked for
     * @param lastVersion   the stream's last version
     */
    public InvalidTruncationException(String stream, long beforeVersion, long lastVersion) {
        super("cannot truncate stream '" + stream + "' before version " + beforeVersion + ": it must be between 0 and "
                + (lastVersion + 1) + " (the stream's last version is " + lastVersion + ")");
        this.stream = stream;
        this.beforeVersion = beforeVersion;
        this.lastVersion = lastVersion;
    }

    public String stream() {
        return stream;
    }

    public long beforeVersion() {
        return beforeVersion;
    }

    public long lastVersion() {
        return lastVersion;
    }
}

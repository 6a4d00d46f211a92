package dev.annals.store;

/**
 * The stream was deleted with a tombstone ({@link DeletionMode#HARD}): it can never be written again,
 * nor soft-deleted or truncated. Retrying is pointless.
 */
public final class StreamDeletedException extends InvalidAppendException {

    private final String stream;

    /** @param stream the tombstoned stream */
    public StreamDeletedException(String stream) {
        super("stream '" + stream + "' is deleted for good (tombstoned): it can never be written again");
        this.stream = stream;
    }

    /** The tombstoned stream. */
    public String stream() {
        return stream;
    }
}

package dev.annals.store;

/** An operation needed an existing stream: this one was never written, or is soft-deleted. */
public final class StreamNotFoundException extends EventStoreException {

    private final String stream;

    /** @param stream the stream that was not found */
    public StreamNotFoundException(String stream) {
        super("no stream '" + stream + "': it was never written or it is deleted");
        this.stream = stream;
    }

    /** The stream that was not found. */
    public String stream() {
        return stream;
    }
}

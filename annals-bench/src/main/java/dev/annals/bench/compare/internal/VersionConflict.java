package dev.annals.bench.compare.internal;

/** A target refused an append because its stream was not at the expected version. */
public final class VersionConflict extends RuntimeException {

    /** Wraps the target's own conflict, naming the stream and the version the writer expected. */
    public VersionConflict(String stream, long expectedVersion, Throwable cause) {
        super("stream " + stream + " was not at version " + expectedVersion, cause);
    }
}

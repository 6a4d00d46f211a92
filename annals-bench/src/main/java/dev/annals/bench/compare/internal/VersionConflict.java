package dev.annals.bench.compare.internal;

import java.util.OptionalLong;

/** A target refused an append because its stream was not at the expected version. */
public final class VersionConflict extends RuntimeException {

    private final String stream;
    private final long expectedVersion;
    private final transient OptionalLong actualVersion;

    /** Wraps the target's own conflict, naming the stream and the version the writer expected. */
    public VersionConflict(String stream, long expectedVersion, Throwable cause) {
        this(stream, expectedVersion, OptionalLong.empty(), cause);
    }

    /**
     * Wraps a conflict that says which version the stream was at, so that the writer can retry without
     * reading the stream first (Annals's {@code WrongExpectedVersionException} does; Axon's and a unique-key
     * violation do not).
     */
    public VersionConflict(String stream, long expectedVersion, OptionalLong actualVersion, Throwable cause) {
        // No stack trace and no message until asked: this is the harness's own control flow, which a contended
        // run takes once per refused attempt, and its cost must not be counted against the system measured.
        super(null, cause, false, false);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    @Override
    public String getMessage() {
        return "stream " + stream + " was not at version " + expectedVersion;
    }

    /** The stream's committed version the append was judged against, when the target reports it. */
    public OptionalLong actualVersion() {
        return actualVersion;
    }
}

package dev.annals.store;

/**
 * What an append expects of the stream's current version: the optimistic concurrency check.
 *
 * <p>Stream versions are 0-based: a stream with one event is at version 0; a stream that does not exist
 * is at {@link StreamInfo#NO_STREAM} (-1).
 */
public sealed interface ExpectedVersion {

    /** No check: append whatever the stream's version. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** The stream must not exist yet. */
    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    /** The stream must already have at least one event. */
    static ExpectedVersion streamExists() {
        return StreamExists.INSTANCE;
    }

    /** The stream's last event must be at exactly {@code version}; -1 is the same as {@link #noStream()}. */
    static ExpectedVersion exact(long version) {
        if (version == StreamInfo.NO_STREAM) {
            return NoStream.INSTANCE;
        }
        return new Exact(version);
    }

    /** True when a stream at {@code actualVersion} (-1 for no stream) satisfies this expectation. */
    boolean accepts(long actualVersion);

    /** No check. */
    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean accepts(long actualVersion) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /** The stream must not exist. */
    enum NoStream implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean accepts(long actualVersion) {
            return actualVersion == StreamInfo.NO_STREAM;
        }

        @Override
        public String toString() {
            return "no stream";
        }
    }

    /** The stream must exist. */
    enum StreamExists implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean accepts(long actualVersion) {
            return actualVersion != StreamInfo.NO_STREAM;
        }

        @Override
        public String toString() {
            return "stream exists";
        }
    }

    /** The stream's last event must be at {@code version}. */
    record Exact(long version) implements ExpectedVersion {

        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("an exact expected version must be 0 or more, was " + version);
            }
        }

        @Override
        public boolean accepts(long actualVersion) {
            return actualVersion == version;
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }
}

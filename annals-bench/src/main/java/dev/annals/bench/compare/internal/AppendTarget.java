package dev.annals.bench.compare.internal;

/**
 * One system under comparison, seen by the writers: append some events to a stream at an expected
 * version, or learn a stream's current version after a conflict.
 */
public interface AppendTarget extends AutoCloseable {

    /** The system's name in tables and charts, such as {@code axon/postgresql}. */
    String name();

    /**
     * Durably appends {@code count} events to {@code stream}, whose last version must be
     * {@code expectedVersion} (-1: the stream must not exist). Versions are 0-based.
     *
     * @return the stream's new last version
     * @throws VersionConflict when the stream is at another version
     */
    long append(String stream, long expectedVersion, int count) throws Exception;

    /** The stream's last version, -1 when it has no event. */
    long currentVersion(String stream) throws Exception;

    /**
     * Reads every event of the global stream from the start, in global order, touching each event's
     * payload bytes but decoding none.
     *
     * @return the events read
     */
    long replayAll() throws Exception;

    /** Releases the system's connections and deletes what the run created. */
    @Override
    void close() throws Exception;
}

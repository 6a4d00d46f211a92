package dev.annals.store.sqlite;

import dev.annals.store.AppendLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the SQLite store, checked when built.
 *
 * @param limits          limits on each append
 * @param meterRegistry   where append latency and group-commit batch sizes are recorded
 * @param readConnections how many connections serve reads at once; 1 or more (default 4)
 * @param readPageSize    how many rows one read query fetches; 1 or more (default 2000: fewer queries made a
 *                        replay faster, and a page of 200-byte events is well under a megabyte)
 * @param maxBatchAppends the most appends one group commit gathers; 1 or more (default 1024)
 * @param streamIndexBatch how many new events the writer adds to the stream index at once; 1 or more
 *                        (default 1024). Reading a stream also scans the events not yet indexed, so a
 *                        larger batch makes appends cheaper and stream reads dearer (docs/adr/0015).
 * @param cachedStreams   how many streams' keys and versions the writer keeps in memory, the most recently
 *                        used; 1 or more (default 100,000). An append to a stream not among them first looks
 *                        the stream up in the file.
 */
public record SqliteOptions(
        AppendLimits limits,
        MeterRegistry meterRegistry,
        int readConnections,
        int readPageSize,
        int maxBatchAppends,
        int streamIndexBatch,
        int cachedStreams) {

    public static final int DEFAULT_READ_CONNECTIONS = 4;
    public static final int DEFAULT_READ_PAGE_SIZE = 2000;
    public static final int DEFAULT_MAX_BATCH_APPENDS = 1024;
    public static final int DEFAULT_STREAM_INDEX_BATCH = 1024;
    public static final int DEFAULT_CACHED_STREAMS = 100_000;

    public SqliteOptions {
        requireNonNull(limits, "limits");
        requireNonNull(meterRegistry, "meterRegistry");
        atLeastOne("readConnections", readConnections);
        atLeastOne("readPageSize", readPageSize);
        atLeastOne("maxBatchAppends", maxBatchAppends);
        atLeastOne("streamIndexBatch", streamIndexBatch);
        atLeastOne("cachedStreams", cachedStreams);
    }

    /** Options with the given limits and registry and default sizes. */
    public SqliteOptions(AppendLimits limits, MeterRegistry meterRegistry) {
        this(
                limits,
                meterRegistry,
                DEFAULT_READ_CONNECTIONS,
                DEFAULT_READ_PAGE_SIZE,
                DEFAULT_MAX_BATCH_APPENDS,
                DEFAULT_STREAM_INDEX_BATCH,
                DEFAULT_CACHED_STREAMS);
    }

    /** Default limits, the global Micrometer registry and default sizes. */
    public static SqliteOptions defaults() {
        return new SqliteOptions(AppendLimits.defaults(), Metrics.globalRegistry);
    }

    /** A copy with other append limits. */
    public SqliteOptions withLimits(AppendLimits newLimits) {
        return new SqliteOptions(
                newLimits,
                meterRegistry,
                readConnections,
                readPageSize,
                maxBatchAppends,
                streamIndexBatch,
                cachedStreams);
    }

    /** A copy recording metrics in {@code registry}. */
    public SqliteOptions withMeterRegistry(MeterRegistry registry) {
        return new SqliteOptions(
                limits, registry, readConnections, readPageSize, maxBatchAppends, streamIndexBatch, cachedStreams);
    }

    /** A copy with {@code count} read connections. */
    public SqliteOptions withReadConnections(int count) {
        return new SqliteOptions(
                limits, meterRegistry, count, readPageSize, maxBatchAppends, streamIndexBatch, cachedStreams);
    }

    /** A copy whose reads fetch {@code size} rows per query. */
    public SqliteOptions withReadPageSize(int size) {
        return new SqliteOptions(
                limits, meterRegistry, readConnections, size, maxBatchAppends, streamIndexBatch, cachedStreams);
    }

    /** A copy whose group commits gather at most {@code count} appends. */
    public SqliteOptions withMaxBatchAppends(int count) {
        return new SqliteOptions(
                limits, meterRegistry, readConnections, readPageSize, count, streamIndexBatch, cachedStreams);
    }

    /** A copy whose writer indexes new events by stream {@code count} at a time. */
    public SqliteOptions withStreamIndexBatch(int count) {
        return new SqliteOptions(
                limits, meterRegistry, readConnections, readPageSize, maxBatchAppends, count, cachedStreams);
    }

    /** A copy whose writer keeps {@code count} streams' versions in memory. */
    public SqliteOptions withCachedStreams(int count) {
        return new SqliteOptions(
                limits, meterRegistry, readConnections, readPageSize, maxBatchAppends, streamIndexBatch, count);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
        }
    }
}

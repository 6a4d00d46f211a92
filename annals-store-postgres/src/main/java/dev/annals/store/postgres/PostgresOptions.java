package dev.annals.store.postgres;

import dev.annals.store.AppendLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the PostgreSQL store, checked when built.
 *
 * @param schema         the schema holding the store's tables, created when absent; a plain lower-case SQL
 *                       identifier (letters, digits, underscores), default {@code annals}
 * @param limits         limits on each append
 * @param readPageSize   how many rows one read query fetches; 1 or more (default 500)
 * @param listen         whether to LISTEN for appends made by other processes and tell this store's head
 *                       listeners (default true); without it, other processes' appends are found by polling
 * @param listenRetry    how long the listener waits before reconnecting after losing its connection
 * @param maxBatchAppends the most appends one group commit gathers into one transaction; 1 or more
 *                       (default 256)
 * @param poolSize       the connections of the pool the store opens itself, when given a URL; 2 or more
 *                       (default 16), see {@link #withPoolSize}
 * @param meterRegistry  where the store records its metrics (default: Micrometer's global registry)
 */
public record PostgresOptions(
        String schema,
        AppendLimits limits,
        int readPageSize,
        boolean listen,
        Duration listenRetry,
        int maxBatchAppends,
        int poolSize,
        MeterRegistry meterRegistry) {

    /** The schema used when none is chosen. */
    public static final String DEFAULT_SCHEMA = "annals";

    public static final int DEFAULT_READ_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_BATCH_APPENDS = 256;
    /** The connections of the pool that {@link PostgresEventStore#open(String, PostgresOptions)} opens. */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** One connection stays with the listener for other processes' appends; one at least does the work. */
    public static final int MIN_POOL_SIZE = 2;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresOptions {
        requireNonNull(schema, "schema");
        requireNonNull(limits, "limits");
        requireNonNull(listenRetry, "listenRetry");
        requireNonNull(meterRegistry, "meterRegistry");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier of at most 63"
                    + " letters, digits and underscores, was '" + schema + "'");
        }
        if (readPageSize < 1) {
            throw new IllegalArgumentException("readPageSize must be 1 or more, was " + readPageSize);
        }
        if (maxBatchAppends < 1) {
            throw new IllegalArgumentException("maxBatchAppends must be 1 or more, was " + maxBatchAppends);
        }
        if (poolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize must be " + MIN_POOL_SIZE + " or more (one connection"
                    + " listens for other processes' appends), was " + poolSize);
        }
        if (listenRetry.isNegative() || listenRetry.isZero()) {
            throw new IllegalArgumentException("listenRetry must be positive, was " + listenRetry);
        }
    }

    /** Schema {@code annals}, default limits and page size, listening on. */
    public static PostgresOptions defaults() {
        return new PostgresOptions(
                DEFAULT_SCHEMA,
                AppendLimits.defaults(),
                DEFAULT_READ_PAGE_SIZE,
                true,
                Duration.ofSeconds(1),
                DEFAULT_MAX_BATCH_APPENDS,
                DEFAULT_POOL_SIZE,
                Metrics.globalRegistry);
    }

    /** A copy using {@code name} as its schema. */
    public PostgresOptions withSchema(String name) {
        return new PostgresOptions(
                name, limits, readPageSize, listen, listenRetry, maxBatchAppends, poolSize, meterRegistry);
    }

    /** A copy with other append limits. */
    public PostgresOptions withLimits(AppendLimits newLimits) {
        return new PostgresOptions(
                schema, newLimits, readPageSize, listen, listenRetry, maxBatchAppends, poolSize, meterRegistry);
    }

    /** A copy whose reads fetch {@code size} rows per query. */
    public PostgresOptions withReadPageSize(int size) {
        return new PostgresOptions(schema, limits, size, listen, listenRetry, maxBatchAppends, poolSize, meterRegistry);
    }

    /** A copy that does, or does not, listen for other processes' appends. */
    public PostgresOptions withListen(boolean on) {
        return new PostgresOptions(
                schema, limits, readPageSize, on, listenRetry, maxBatchAppends, poolSize, meterRegistry);
    }

    /** A copy gathering at most {@code count} appends into one group commit. */
    public PostgresOptions withMaxBatchAppends(int count) {
        return new PostgresOptions(schema, limits, readPageSize, listen, listenRetry, count, poolSize, meterRegistry);
    }

    /**
     * A copy whose own pool ({@link PostgresEventStore#open(String, PostgresOptions)}) holds {@code size}
     * connections, at least {@value #MIN_POOL_SIZE}; a pool the caller passes keeps its own size. Several
     * processes on one database each open a pool: together they must stay within its
     * {@code max_connections}.
     */
    public PostgresOptions withPoolSize(int size) {
        return new PostgresOptions(
                schema, limits, readPageSize, listen, listenRetry, maxBatchAppends, size, meterRegistry);
    }

    /** A copy recording metrics in {@code registry}. */
    public PostgresOptions withMeterRegistry(MeterRegistry registry) {
        return new PostgresOptions(
                schema, limits, readPageSize, listen, listenRetry, maxBatchAppends, poolSize, registry);
    }
}

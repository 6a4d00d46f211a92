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
 * @param meterRegistry  where the store records its metrics (default: Micrometer's global registry)
 */
public record PostgresOptions(
        String schema,
        AppendLimits limits,
        int readPageSize,
        boolean listen,
        Duration listenRetry,
        int maxBatchAppends,
        MeterRegistry meterRegistry) {

    /** The schema used when none is chosen. */
    public static final String DEFAULT_SCHEMA = "annals";

    public static final int DEFAULT_READ_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_BATCH_APPENDS = 256;

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
                Metrics.globalRegistry);
    }

    /** A copy using {@code name} as its schema. */
    public PostgresOptions withSchema(String name) {
        return new PostgresOptions(name, limits, readPageSize, listen, listenRetry, maxBatchAppends, meterRegistry);
    }

    /** A copy with other append limits. */
    public PostgresOptions withLimits(AppendLimits newLimits) {
        return new PostgresOptions(
                schema, newLimits, readPageSize, listen, listenRetry, maxBatchAppends, meterRegistry);
    }

    /** A copy whose reads fetch {@code size} rows per query. */
    public PostgresOptions withReadPageSize(int size) {
        return new PostgresOptions(schema, limits, size, listen, listenRetry, maxBatchAppends, meterRegistry);
    }

    /** A copy that does, or does not, listen for other processes' appends. */
    public PostgresOptions withListen(boolean on) {
        return new PostgresOptions(schema, limits, readPageSize, on, listenRetry, maxBatchAppends, meterRegistry);
    }

    /** A copy gathering at most {@code count} appends into one group commit. */
    public PostgresOptions withMaxBatchAppends(int count) {
        return new PostgresOptions(schema, limits, readPageSize, listen, listenRetry, count, meterRegistry);
    }

    /** A copy recording metrics in {@code registry}. */
    public PostgresOptions withMeterRegistry(MeterRegistry registry) {
        return new PostgresOptions(schema, limits, readPageSize, listen, listenRetry, maxBatchAppends, registry);
    }
}

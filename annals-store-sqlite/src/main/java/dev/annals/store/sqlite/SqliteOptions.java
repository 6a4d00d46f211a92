package dev.annals.store.sqlite;

import dev.annals.store.AppendLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the SQLite store, checked when built.
 *
 * @param limits        limits on each append
 * @param meterRegistry where append latency and group-commit batch sizes are recorded
 */
public record SqliteOptions(AppendLimits limits, MeterRegistry meterRegistry) {

    public SqliteOptions {
        requireNonNull(limits, "limits");
        requireNonNull(meterRegistry, "meterRegistry");
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(AppendLimits.defaults(), Metrics.globalRegistry);
    }

    public SqliteOptions withLimits(AppendLimits newLimits) {
        return new SqliteOptions(newLimits, meterRegistry);
    }

    public SqliteOptions withMeterRegistry(MeterRegistry registry) {
        return new SqliteOptions(limits, registry);
    }
}

package dev.annals.bench.projection;

import dev.annals.bench.Latency;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the projection benchmark measured.
 *
 * @param database          the database of the store and its read models
 * @param rebuilds          each workload's rebuild beside its replay
 * @param latencyEvents     events appended during the latency run
 * @param ratePerSecond     the rate they were appended at
 * @param appendToReadModel from each append's due time to its commit in the read model
 * @param appendAcknowledged from each append's due time to its acknowledgement by the store
 * @param acknowledgedToReadModel from each append's acknowledgement to its commit in the read model
 * @param latencyCpuSeconds the process's CPU time during the latency run, every thread
 * @param warmUp            how long the same appends ran before the latency run, not counted in it
 * @param warmUpLatency     from due time to read model during the warm-up
 */
public record ProjectionBenchmarkResult(
        String database,
        List<RebuildResult> rebuilds,
        long latencyEvents,
        int ratePerSecond,
        Latency appendToReadModel,
        Latency appendAcknowledged,
        Latency acknowledgedToReadModel,
        double latencyCpuSeconds,
        Duration warmUp,
        Latency warmUpLatency) {

    public ProjectionBenchmarkResult {
        requireNonNull(database, "database");
        rebuilds = List.copyOf(rebuilds);
        requireNonNull(appendToReadModel, "appendToReadModel");
        requireNonNull(appendAcknowledged, "appendAcknowledged");
        requireNonNull(acknowledgedToReadModel, "acknowledgedToReadModel");
        requireNonNull(warmUp, "warmUp");
        requireNonNull(warmUpLatency, "warmUpLatency");
    }

    /** The figures as lines for people. */
    public String report() {
        var text = new StringBuilder(String.format("projection benchmark on %s%n", database));
        for (RebuildResult rebuild : rebuilds) {
            text.append(String.format(
                    "  %s: %,d events%n    replay of its source %,.0f events/s (%.2f s);"
                            + " rebuild %,.0f events/s (%.2f s) = %.2f of the replay%n"
                            + "    the rebuild's CPU in this process: %.2f s, %.2f µs per event%n",
                    rebuild.workload(),
                    rebuild.events(),
                    rebuild.replayEventsPerSecond(),
                    rebuild.replaySeconds(),
                    rebuild.rebuildEventsPerSecond(),
                    rebuild.rebuildSeconds(),
                    rebuild.ratio(),
                    rebuild.rebuildCpuSeconds(),
                    rebuild.rebuildCpuMicrosPerEvent()));
        }
        text.append(String.format(
                "  append-to-read-model latency at %,d events/s over %,d events after %d s of warm-up:%n    %s%n"
                        + "    of which the append (to its acknowledgement): %s%n"
                        + "    from the acknowledgement to the read model: %s%n"
                        + "    the run's CPU in this process: %.2f s, %.2f µs per event%n"
                        + "    the warm-up's own, not counted above: %s%n",
                ratePerSecond,
                latencyEvents,
                warmUp.toSeconds(),
                percentiles(appendToReadModel),
                percentiles(appendAcknowledged),
                percentiles(acknowledgedToReadModel),
                latencyCpuSeconds,
                latencyEvents == 0 ? 0 : latencyCpuSeconds * 1e6 / latencyEvents,
                warmUp.isZero() ? "none" : percentiles(warmUpLatency)));
        return text.toString();
    }

    private static String percentiles(Latency latency) {
        return String.format(
                "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                millis(latency.p50()), millis(latency.p99()), millis(latency.p999()), millis(latency.max()));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

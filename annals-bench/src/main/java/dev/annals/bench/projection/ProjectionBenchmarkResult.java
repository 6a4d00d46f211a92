package dev.annals.bench.projection;

import dev.annals.bench.Latency;

import static java.util.Objects.requireNonNull;

/**
 * What the projection benchmark measured.
 *
 * @param rebuildEvents       events replayed by the rebuild
 * @param rebuildSeconds      how long the rebuild took, from start to the last checkpoint
 * @param latencyEvents       events appended during the latency run
 * @param ratePerSecond       the rate they were appended at
 * @param appendToReadModel   from the start of each append to its commit in the read model
 */
public record ProjectionBenchmarkResult(
        long rebuildEvents, double rebuildSeconds, long latencyEvents, int ratePerSecond, Latency appendToReadModel) {

    public ProjectionBenchmarkResult {
        requireNonNull(appendToReadModel, "appendToReadModel");
    }

    /** Rebuild throughput in events per second. */
    public double rebuildEventsPerSecond() {
        return rebuildEvents / rebuildSeconds;
    }

    /** The figures as lines for people. */
    public String report() {
        return String.format(
                """
                projection benchmark on the embedded SQLite store
                  rebuild: %,d events into a SQLite table in %.2f s = %,.0f events/s (target >= 50,000)
                  append-to-read-model latency at %,d events/s over %,d events:
                    p50 %.2f ms, p99 %.2f ms (target < 50 ms), p99.9 %.2f ms, max %.2f ms
                """,
                rebuildEvents,
                rebuildSeconds,
                rebuildEventsPerSecond(),
                ratePerSecond,
                latencyEvents,
                millis(appendToReadModel.p50()),
                millis(appendToReadModel.p99()),
                millis(appendToReadModel.p999()),
                millis(appendToReadModel.max()));
    }

    private static double millis(java.time.Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

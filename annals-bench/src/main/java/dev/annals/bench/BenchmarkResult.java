package dev.annals.bench;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What one append benchmark run measured.
 *
 * @param target         what was appended to, such as {@code SQLite store}
 * @param location       where it lived, such as a directory, and whether it was deleted afterwards
 * @param options        the run's writers, events, payload size and batch
 * @param eventsAppended events acknowledged as durable over all writers
 * @param appends        append calls acknowledged
 * @param eventsStored   events found in the target after the run, counted independently of the writers
 * @param elapsed        from the start of the first writer to the end of the last
 * @param latency        per append call
 */
public record BenchmarkResult(
        String target,
        String location,
        AppendBenchmarkOptions options,
        long eventsAppended,
        long appends,
        long eventsStored,
        Duration elapsed,
        Latency latency) {

    public BenchmarkResult {
        requireNonNull(target, "target");
        requireNonNull(location, "location");
        requireNonNull(options, "options");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(latency, "latency");
    }

    /** Acknowledged events per second of elapsed time. */
    public double eventsPerSecond() {
        return perSecond(eventsAppended);
    }

    /** Acknowledged append calls per second of elapsed time. */
    public double appendsPerSecond() {
        return perSecond(appends);
    }

    private double perSecond(long count) {
        long nanos = Math.max(1, elapsed.toNanos());
        return count * 1_000_000_000.0 / nanos;
    }
}

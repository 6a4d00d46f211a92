package dev.annals.bench.projection;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the projection benchmark, checked when built.
 *
 * @param rebuildEvents  how many events the rebuild replays; 1 or more (default 200,000)
 * @param ratePerSecond  the steady append rate of the latency run; 1 or more (default 1,000)
 * @param latencyRun     how long the latency run appends; positive (default 10 s)
 * @param warmUp         how long the same appends run before it, not counted; zero or more (default 5 s): the
 *                       rebuilds compile neither the store's single-event appends nor a runner at the head
 */
public record ProjectionBenchmarkOptions(int rebuildEvents, int ratePerSecond, Duration latencyRun, Duration warmUp) {

    public ProjectionBenchmarkOptions {
        requireNonNull(latencyRun, "latencyRun");
        requireNonNull(warmUp, "warmUp");
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--warm-up must be 0 s or more, was " + warmUp.toSeconds());
        }
        if (rebuildEvents < 1 || ratePerSecond < 1 || latencyRun.isNegative() || latencyRun.isZero()) {
            throw new IllegalArgumentException("rebuild events and rate must be 1 or more and the run positive, were "
                    + rebuildEvents + ", " + ratePerSecond + " and " + latencyRun);
        }
    }

    /** 200,000 events rebuilt; 1,000 events/s for 10 s after 5 s of warm-up. */
    public static ProjectionBenchmarkOptions defaults() {
        return new ProjectionBenchmarkOptions(200_000, 1_000, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    /** Events appended during a run of {@code length} at the rate. */
    long eventsIn(Duration length) {
        return length.toNanos() * ratePerSecond / 1_000_000_000L;
    }
}

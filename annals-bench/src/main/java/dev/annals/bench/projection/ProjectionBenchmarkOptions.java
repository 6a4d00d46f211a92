package dev.annals.bench.projection;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the projection benchmark, checked when built.
 *
 * @param rebuildEvents  how many events the rebuild replays; 1 or more (default 200,000)
 * @param ratePerSecond  the steady append rate of the latency run; 1 or more (default 1,000)
 * @param latencyRun     how long the latency run appends; positive (default 10 s)
 */
public record ProjectionBenchmarkOptions(int rebuildEvents, int ratePerSecond, Duration latencyRun) {

    public ProjectionBenchmarkOptions {
        requireNonNull(latencyRun, "latencyRun");
        if (rebuildEvents < 1 || ratePerSecond < 1 || latencyRun.isNegative() || latencyRun.isZero()) {
            throw new IllegalArgumentException("rebuild events and rate must be 1 or more and the run positive, were "
                    + rebuildEvents + ", " + ratePerSecond + " and " + latencyRun);
        }
    }

    /** 200,000 events rebuilt; 1,000 events/s for 10 s. */
    public static ProjectionBenchmarkOptions defaults() {
        return new ProjectionBenchmarkOptions(200_000, 1_000, Duration.ofSeconds(10));
    }
}

package dev.annals.bench.projection;

import static java.util.Objects.requireNonNull;

/**
 * One workload's rebuild beside a replay of the same events, from the same store in the same run.
 *
 * @param workload       the workload's name
 * @param events         events the projection read
 * @param replaySeconds  how long one read of the projection's source from position 0 took (no decoding)
 * @param rebuildSeconds how long the rebuild took, from the runner's start to its checkpoint at the head
 */
public record RebuildResult(String workload, long events, double replaySeconds, double rebuildSeconds) {

    public RebuildResult {
        requireNonNull(workload, "workload");
    }

    /** Replay throughput in events per second. */
    public double replayEventsPerSecond() {
        return events / replaySeconds;
    }

    /** Rebuild throughput in events per second. */
    public double rebuildEventsPerSecond() {
        return events / rebuildSeconds;
    }

    /** The rebuild's rate as a share of the replay's. */
    public double ratio() {
        return replaySeconds / rebuildSeconds;
    }
}

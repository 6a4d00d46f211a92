package dev.annals.bench.projection;

import static java.util.Objects.requireNonNull;

/**
 * One workload's rebuild beside a replay of the same events, from the same store in the same run.
 *
 * @param workload       the workload's name
 * @param events         events the projection read
 * @param replaySeconds  how long one read of the projection's source from position 0 took (no decoding)
 * @param rebuildSeconds how long the rebuild took, from the runner's start to its checkpoint at the head
 * @param rebuildCpuSeconds CPU time this process used during the rebuild, all threads (a database server's
 *                          own is not in it): on a shared machine, what the rebuild would need of cores to spare
 */
public record RebuildResult(
        String workload, long events, double replaySeconds, double rebuildSeconds, double rebuildCpuSeconds) {

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

    /** CPU time of this process per event rebuilt, in microseconds. */
    public double rebuildCpuMicrosPerEvent() {
        return rebuildCpuSeconds * 1e6 / events;
    }

    /** The rebuild's rate as a share of the replay's. */
    public double ratio() {
        return replaySeconds / rebuildSeconds;
    }
}

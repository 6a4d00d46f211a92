package dev.annals.projection.segment;

import dev.annals.projection.ProjectionOptions;
import java.time.Duration;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a {@link SegmentedProjectionWorker}, checked when built.
 *
 * @param segments  how many segments the projection is split into; the same for every worker, and fixed
 *                  for the projection's life (its checkpoints are per segment)
 * @param leaseTtl  how long a lease lasts unless renewed: the longest a dead worker's segments wait before
 *                  another worker takes them over
 * @param heartbeat how often the worker renews its leases, claims and releases segments; shorter than
 *                  {@code leaseTtl} (a third of it by default)
 * @param worker    this worker's id, unique among live workers; shown as the lease owner
 * @param runner    the options of each segment's {@link dev.annals.projection.ProjectionRunner}
 */
public record SegmentOptions(
        int segments, Duration leaseTtl, Duration heartbeat, String worker, ProjectionOptions runner) {

    public SegmentOptions {
        requireNonNull(leaseTtl, "leaseTtl");
        requireNonNull(heartbeat, "heartbeat");
        requireNonNull(worker, "worker");
        requireNonNull(runner, "runner");
        if (segments < 1 || segments > 4096) {
            throw new IllegalArgumentException("segments must be 1 to 4096, was " + segments);
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException(
                    "heartbeat must be positive and shorter than the lease ttl " + leaseTtl + ", was " + heartbeat);
        }
        if (worker.isBlank() || worker.length() > 200) {
            throw new IllegalArgumentException("worker id must be 1 to 200 characters, was '" + worker + "'");
        }
    }

    /** {@code segments} segments, 10 s leases renewed every 3.3 s, a new worker id, default runner options. */
    public static SegmentOptions of(int segments) {
        return new SegmentOptions(
                segments,
                Duration.ofSeconds(10),
                Duration.ofMillis(3_333),
                newWorkerId(),
                ProjectionOptions.defaults());
    }

    /** These options with leases of {@code ttl}, renewed every third of it. */
    public SegmentOptions withLeaseTtl(Duration ttl) {
        return new SegmentOptions(segments, ttl, requireNonNull(ttl, "ttl").dividedBy(3), worker, runner);
    }

    /** These options with worker id {@code id}. */
    public SegmentOptions withWorker(String id) {
        return new SegmentOptions(segments, leaseTtl, heartbeat, id, runner);
    }

    /** These options with {@code options} for each segment's runner (its meter registry counts the segments too). */
    public SegmentOptions withRunner(ProjectionOptions options) {
        return new SegmentOptions(segments, leaseTtl, heartbeat, worker, options);
    }

    /** A worker id naming the host and process, with a random suffix: {@code host-pid-1a2b3c4d}. */
    public static String newWorkerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}

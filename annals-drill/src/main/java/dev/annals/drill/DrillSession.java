package dev.annals.drill;

import dev.annals.backend.Deployment;
import dev.annals.drill.check.Evidence;

/** A drill under way: its load runs until {@link #stopLoad()}; its faults come one at a time. */
public interface DrillSession extends AutoCloseable {

    /** The head when the load started: what the invariants check lies after it. */
    long baseline();

    /** Injects fault {@code number} (1-based); returns what it did, for the progress line. */
    String inject(int number) throws Exception;

    /**
     * Returns once the system works again after the last fault (an append is acknowledged, a worker is back,
     * a consumer caught up); the runner times it.
     *
     * @throws DrillFailure when it does not recover in time
     */
    void awaitRecovery() throws Exception;

    /** What the invariant checker reads. */
    Evidence evidence();

    /** Stops the load and lets the read side catch up with everything written, for the final check. */
    void stopLoad() throws Exception;

    /** The deployment, open for writing once the load has stopped: the runner removes the drill's streams. */
    Deployment deployment();

    /** Releases everything the drill set up (processes, mounts, proxies, clusters). */
    @Override
    void close() throws Exception;
}

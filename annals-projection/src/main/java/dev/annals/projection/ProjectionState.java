package dev.annals.projection;

/** Where a projection's runner is. */
public enum ProjectionState {
    /** Delivering events, caught up or catching up. */
    RUNNING,
    /** Paused on request; resumes from its checkpoint. */
    PAUSED,
    /** An event failed every retry under the stop policy; waits for its dead letter to be retried or skipped. */
    STOPPED_ON_ERROR,
    /** Rebuilding from the start, in place or beside the live version. */
    REBUILDING,
    /** No runner is running it (never started, or closed). */
    STOPPED
}

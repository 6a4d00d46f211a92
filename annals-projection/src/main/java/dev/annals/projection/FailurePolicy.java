package dev.annals.projection;

/** What a projection does with an event that failed every retry, once it is parked as a dead letter. */
public enum FailurePolicy {
    /** Move past it and go on with the next events. */
    SKIP,
    /** Stop at it and report {@link ProjectionState#STOPPED_ON_ERROR} until it is retried or skipped. */
    STOP
}

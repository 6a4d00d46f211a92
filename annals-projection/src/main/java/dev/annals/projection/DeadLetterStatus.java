package dev.annals.projection;

/** Where a dead letter is in its life. */
public enum DeadLetterStatus {
    /** Parked after its retries ran out. */
    PARKED,
    /** An operator asked for it to be delivered again; the runner does so within seconds. */
    RETRY_REQUESTED,
    /** Delivered again with success. */
    RESOLVED,
    /** Given up on by an operator; the projection goes on without it. */
    SKIPPED;

    /** True while it still waits for someone: parked or about to be retried. */
    public boolean open() {
        return this == PARKED || this == RETRY_REQUESTED;
    }
}

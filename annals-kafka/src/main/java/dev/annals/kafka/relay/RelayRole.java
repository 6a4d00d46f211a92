package dev.annals.kafka.relay;

/** What a relay is doing now. */
public enum RelayRole {
    /** Connecting, or fencing a predecessor and reading its checkpoint. */
    STARTING,
    /** Publishing: this relay holds the transactional id. */
    ACTIVE,
    /** Fenced by another relay on the same source; watching its heartbeat, ready to take over. */
    STANDBY,
    /** Kafka or the store failed; trying again after a back-off. Nothing is lost meanwhile. */
    RETRYING,
    /** Stopped for good: closed, or a configuration error (see {@link RelayStatus#lastError()}). */
    STOPPED
}

package dev.annals.decider;

/**
 * How often a command handler tries a command when other writers keep changing the stream under it.
 *
 * <p>Each attempt reloads the stream and decides again, so a retry never appends a decision made on a
 * stale state. Checked when built.
 *
 * @param maxAttempts the most times one command is decided, 1 or more (1 means no retry)
 */
public record RetryPolicy(int maxAttempts) {

    /** The default: up to 10 attempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a command needs at least 1 attempt, was " + maxAttempts);
        }
    }

    /** Up to {@value #DEFAULT_MAX_ATTEMPTS} attempts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS);
    }
}

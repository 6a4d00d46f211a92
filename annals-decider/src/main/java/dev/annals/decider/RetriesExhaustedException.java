package dev.annals.decider;

import dev.annals.store.WrongExpectedVersionException;

/**
 * A command met a concurrency conflict on every attempt its {@link RetryPolicy} allowed; nothing of
 * it was written. The caller may try again later. The last conflict is the cause.
 */
public final class RetriesExhaustedException extends RuntimeException {

    private final String stream;
    private final int attempts;

    /**
     * @param stream       the stream the command was for
     * @param attempts     how many times it was decided
     * @param lastConflict the conflict that ended the last attempt
     */
    public RetriesExhaustedException(String stream, int attempts, WrongExpectedVersionException lastConflict) {
        super(
                "command on stream '" + stream + "' gave up after " + attempts
                        + " attempts, each beaten by a concurrent writer; last: " + lastConflict.getMessage(),
                lastConflict);
        this.stream = stream;
        this.attempts = attempts;
    }

    /** The stream the command was for. */
    public String stream() {
        return stream;
    }

    /** How many times the command was decided before giving up. */
    public int attempts() {
        return attempts;
    }
}

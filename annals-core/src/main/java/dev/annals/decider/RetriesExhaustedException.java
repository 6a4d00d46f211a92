package dev.annals.decider;

import dev.annals.store.WrongExpectedVersionException;

/**
 * A command met a concurrency conflict on every attempt its {@link RetryPolicy} allowed; nothing of
 * it was written. The caller may try again later. The last conflict is the cause.
 */
public final class RetriesExhaustedException extends RuntimeException {

    private final String stream;
    private final int attempts;

    public RetriesExhaustedException(String stream, int attempts, WrongExpectedVersionException lastConflict) {
        super("command on stream '" + stream + "' gave up after " + attempts
                + " attempts, each beaten by a concurrent writer; last: " + lastConflict.getMessage(), lastConflict);
        this.stream = stream;
        this.attempts = attempts;
    }

    public String stream() {
        return stream;
    }

    public int attempts() {
        return attempts;
    }
}

package dev.annals.projection;

/** No dead letter has the id asked for, or it is no longer open (already resolved or skipped). */
public final class UnknownDeadLetterException extends RuntimeException {

    private final long id;

    public UnknownDeadLetterException(long id) {
        super("no open dead letter with id " + id);
        this.id = id;
    }

    /** The id asked for. */
    public long id() {
        return id;
    }
}

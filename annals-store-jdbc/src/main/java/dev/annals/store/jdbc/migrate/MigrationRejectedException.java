package dev.annals.store.jdbc.migrate;

/**
 * A migration refused to start or to go on, or its final check found the target different from the source.
 * The message names the position, the event and the stores; events copied in committed batches stay, and a
 * rerun resumes only when the target still matches the source.
 */
public final class MigrationRejectedException extends RuntimeException {

    /** A refusal described by {@code message}. */
    public MigrationRejectedException(String message) {
        super(message);
    }

    /** A refusal described by {@code message}, caused by {@code cause}. */
    public MigrationRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.annals.cli.migrate;

/**
 * A migration refused to start or to go on, or its final check found the target different from the source.
 * The message names the position, the event and the stores; events copied in committed batches stay, and a
 * rerun resumes only when the target still matches the source.
 */
final class MigrationRejectedException extends RuntimeException {

    MigrationRejectedException(String message) {
        super(message);
    }

    MigrationRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}

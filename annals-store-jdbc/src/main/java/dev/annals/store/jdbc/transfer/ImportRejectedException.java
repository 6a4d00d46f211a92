package dev.annals.store.jdbc.transfer;

/**
 * An import or a migration refused an event before writing it: the target is not empty where it must be,
 * positions do not increase, or a stream's versions do not run 0, 1, 2... The message names the event and
 * the reason; what was refused was not written (its transaction rolled back).
 */
public final class ImportRejectedException extends RuntimeException {

    /** A refusal; {@code message} names the event or the reason. */
    public ImportRejectedException(String message) {
        super(message);
    }
}

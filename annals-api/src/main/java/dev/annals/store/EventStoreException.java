package dev.annals.store;

/**
 * The root of every error an event store raises. Unchecked: a caller handles the specific subclasses
 * it can act on (such as {@link WrongExpectedVersionException}) and lets the rest propagate.
 */
public class EventStoreException extends RuntimeException {

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

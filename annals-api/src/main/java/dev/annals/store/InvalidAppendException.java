package dev.annals.store;

/**
 * An append was refused because of what it asked for, before anything was written: the request is
 * wrong and retrying it unchanged will fail again.
 */
public class InvalidAppendException extends EventStoreException {

    public InvalidAppendException(String message) {
        super(message);
    }
}

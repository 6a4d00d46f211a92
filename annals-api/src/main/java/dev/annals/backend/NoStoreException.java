package dev.annals.backend;

import dev.annals.store.EventStoreException;

/** A location was to hold an existing store and holds none (a mistyped directory, say). */
public final class NoStoreException extends EventStoreException {

    /** {@code message} says where and what was found instead. */
    public NoStoreException(String message) {
        super(message);
    }
}

package dev.annals.backend;

import dev.annals.store.EventStoreException;

/** No installed backend keeps a store location (an unknown scheme, or a backend module missing). */
public final class UnknownStoreLocationException extends EventStoreException {

    /** No backend accepts {@code location}; {@code forms} lists what the installed ones take. */
    public UnknownStoreLocationException(String location, String forms) {
        super("no backend for the store location '" + location + "'"
                + (forms.isEmpty() ? ": no backend module is installed" : "; the forms accepted are " + forms));
    }
}

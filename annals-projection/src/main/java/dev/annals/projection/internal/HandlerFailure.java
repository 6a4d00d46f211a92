package dev.annals.projection.internal;

/** A handler (or decoding) failed on the event at {@code index} of a unit of work. */
final class HandlerFailure extends Exception {

    private final int index;

    HandlerFailure(int index, Throwable cause) {
        super(cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}

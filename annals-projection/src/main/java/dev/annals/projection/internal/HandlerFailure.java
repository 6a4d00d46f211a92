package dev.annals.projection.internal;

/**
 * A handler (or decoding, or a deferred write) failed on the event at {@code index} of a unit of work; -1 when
 * the deferred writes of several events failed together and the event is not known yet.
 */
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

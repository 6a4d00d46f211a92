package dev.annals.drill;

/** A drill could not go on: the system did not recover, or a worker died on its own. The message says which. */
public final class DrillFailure extends RuntimeException {

    /** With {@code message}, a sentence for the report. */
    public DrillFailure(String message) {
        super(message);
    }
}

package dev.annals.store.sqlite.transfer;

/** An import was refused and nothing was written; the message names the event or the reason. */
public final class ImportRejectedException extends RuntimeException {

    public ImportRejectedException(String message) {
        super(message);
    }
}

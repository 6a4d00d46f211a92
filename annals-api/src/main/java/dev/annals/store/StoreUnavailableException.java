package dev.annals.store;

import static java.util.Objects.requireNonNull;

/**
 * The store cannot write (or read) for now because of its storage, not because of what was asked: the disk
 * is full, the file system is read-only, an I/O error, or the database cannot be reached. Retrying the same
 * request later, once an operator has fixed the cause, succeeds; the store recovers by itself.
 *
 * <p>The message says what is wrong in words meant for users and never names a file, a schema or SQL; the
 * database's own error is kept as the cause, for the server's log. An append that fails this way was not
 * acknowledged; when its commit's outcome could not be learnt, an exact retry (same event ids) tells
 * whether it was written.
 */
public class StoreUnavailableException extends EventStoreException {

    /** Why the store cannot write. */
    public enum Reason {
        /** The disk (or quota) holding the store is full. */
        DISK_FULL("the disk holding the store is full"),
        /** The store's storage can only be read: a read-only mount, permissions. */
        READ_ONLY("the store's storage is read-only"),
        /** Reading or writing the storage failed. */
        IO_ERROR("the store's storage failed to read or write"),
        /** The database server cannot be reached, or refuses connections for now. */
        UNREACHABLE("the database cannot be reached");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** The reason in words, such as "the disk holding the store is full". */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public StoreUnavailableException(Reason reason, String message, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Why the store cannot write. */
    public Reason reason() {
        return reason;
    }
}

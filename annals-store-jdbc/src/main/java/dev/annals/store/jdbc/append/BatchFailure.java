package dev.annals.store.jdbc.append;

import dev.annals.store.StoreUnavailableException;
import dev.annals.store.jdbc.SqlDialect;
import java.sql.SQLException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A batch's transaction failed as a whole: none of its appends is acknowledged.
 *
 * <p>{@link #reason()} is the storage fault the backend's dialect recognised (disk full, read-only, I/O
 * error, database unreachable), or empty when the database refused for another cause, which may be one
 * append of the batch (a poisoned append). {@link #outcomeUnknown()} is true when the failure came from
 * the COMMIT itself, so the batch may have been written: its appends must be looked up by event id, never
 * written again blindly. The cause holds the database's own error, with its SQL and file names: for logs
 * only.
 */
public final class BatchFailure extends Exception {

    private final transient Optional<StoreUnavailableException.Reason> reason;
    private final boolean outcomeUnknown;

    public BatchFailure(Optional<StoreUnavailableException.Reason> reason, boolean outcomeUnknown, Throwable cause) {
        super(requireNonNull(cause, "cause").getMessage(), cause);
        this.reason = requireNonNull(reason, "reason");
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * A failure of the batch's transaction from {@code e}, classified by {@code dialect} anywhere in its
     * chain of causes and next exceptions.
     */
    public static BatchFailure of(SqlDialect dialect, Throwable e, boolean outcomeUnknown) {
        return new BatchFailure(reasonOf(dialect, e), outcomeUnknown, e);
    }

    /** The storage fault {@code dialect} recognises anywhere in the chain of {@code e}, or empty. */
    public static Optional<StoreUnavailableException.Reason> reasonOf(SqlDialect dialect, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    var reason = dialect.storageFault(next);
                    if (reason.isPresent()) {
                        return reason;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The exception for a read (or other work outside the writer) that failed with {@code e}: a
     * {@link StoreUnavailableException} for a storage fault, else an {@link dev.annals.store.EventStoreException};
     * either way its message says what failed ({@code doing}, such as "reading the store") without SQL, file
     * or schema names, which stay in the cause for the log.
     */
    public static dev.annals.store.EventStoreException readFailure(SqlDialect dialect, String doing, SQLException e) {
        var reason = reasonOf(dialect, e);
        if (reason.isPresent()) {
            return new StoreUnavailableException(
                    reason.get(), doing + " failed: " + reason.get().description(), e);
        }
        return new dev.annals.store.EventStoreException(
                doing + " failed: the database reported an error" + " (the details are in the server's log)", e);
    }

    /** The storage fault, or empty when the database failed for another cause. */
    public Optional<StoreUnavailableException.Reason> reason() {
        return reason;
    }

    /** Whether the failed transaction may have committed. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}

package dev.annals.store.jdbc.transfer;

import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Reads a SQL store's {@link ErasureState} and writes one into another store: the stream marks of
 * {@code streams} and the rows of {@code subject_keys}, with the dialect's table names. Used by migrations,
 * exports and imports on every SQL backend; outside the {@code EventStore} contract.
 */
public final class ErasureStateRows {

    private ErasureStateRows() {}

    /** The marks and subject keys the store on {@code connection} holds, inside its caller's transaction. */
    public static ErasureState read(Connection connection, SqlDialect dialect) throws SQLException {
        requireNonNull(connection, "connection");
        requireNonNull(dialect, "dialect");
        return new ErasureState(MarkRows.read(connection, dialect), KeyRows.read(connection, dialect));
    }

    /**
     * Writes {@code state} into the store on {@code connection}, inside the transaction its caller opened
     * (after the events it marks) and will commit or roll back. What the target already has equal is left
     * alone, so a repeated write changes nothing.
     *
     * @return how many streams and subjects changed
     * @throws ImportRejectedException when the target's marks or keys contradict {@code state} (see
     *                                 {@code MarkRows.write} and {@code KeyRows.write}); roll back
     */
    public static int write(Connection connection, SqlDialect dialect, ErasureState state) throws SQLException {
        requireNonNull(connection, "connection");
        requireNonNull(dialect, "dialect");
        requireNonNull(state, "state");
        return MarkRows.write(connection, dialect, state.marks())
                + KeyRows.write(connection, dialect, state.subjectKeys());
    }

    /**
     * The head position and the erasure state of the store that {@code connections} reach, read in one
     * transaction (repeatable read where the database offers it; SQLite's read transactions are snapshots).
     *
     * @throws EventStoreException when the database fails; {@code description} names the store
     */
    public static TransferSnapshot snapshot(ConnectionFactory connections, SqlDialect dialect, String description) {
        requireNonNull(connections, "connections");
        requireNonNull(dialect, "dialect");
        requireNonNull(description, "description");
        try (var connection = LockWaits.retryWhileBusy(dialect, connections::open)) {
            if (connection.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            try {
                return LockWaits.retryWhileBusy(dialect, () -> {
                    long head;
                    try (var select = connection.prepareStatement(dialect.selectHeadPosition());
                            var row = select.executeQuery()) {
                        head = row.next() ? row.getLong(1) : 0;
                    }
                    return new TransferSnapshot(head, read(connection, dialect));
                });
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EventStoreException(
                    "could not read the stream marks and subject keys of " + description + " (SQL state "
                            + e.getSQLState() + "): " + e.getMessage(),
                    e);
        }
    }
}

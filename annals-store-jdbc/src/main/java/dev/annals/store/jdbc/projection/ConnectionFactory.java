package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * Opens a new connection to the database that holds the events, the projections' bookkeeping and the
 * read models. The caller owns and closes it. A backend supplies one set up as it needs (SQLite: WAL,
 * a busy timeout, transactions that take the write lock at once).
 */
@FunctionalInterface
public interface ConnectionFactory {

    /** A new connection in auto-commit mode. */
    Connection open() throws SQLException;

    /**
     * A lock that writers of this database in this process take, in arrival order, around each write
     * transaction, where the database serialises writers without a queue of its own (SQLite: see its
     * {@code WriteTurns}); empty by default, and where the database queues lock waiters itself.
     */
    default Optional<Lock> writeTurn() {
        return Optional.empty();
    }
}

package dev.annals.store.jdbc.projection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new connection to the database that holds the events, the projections' bookkeeping and the
 * read models. The caller owns and closes it. A backend supplies one set up as it needs (SQLite: WAL,
 * a busy timeout, transactions that take the write lock at once).
 */
@FunctionalInterface
public interface ConnectionFactory {

    /** A new connection in auto-commit mode. */
    Connection open() throws SQLException;
}

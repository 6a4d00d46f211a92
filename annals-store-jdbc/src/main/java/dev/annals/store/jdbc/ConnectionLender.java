package dev.annals.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lends a connection for one short piece of work and takes it back afterwards.
 *
 * <p>Readers borrow a connection per page, never across pages, so a caller iterating slowly over a
 * read holds no connection. An implementation may be a small pool (SQLite) or a {@code DataSource}
 * such as HikariCP (PostgreSQL).
 */
@FunctionalInterface
public interface ConnectionLender {

    /**
     * Runs {@code work} with a connection and returns what it returns.
     *
     * @throws dev.annals.store.EventStoreException when no connection could be had or the work failed
     */
    <T> T withConnection(SqlWork<T> work);

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        /** Does the work; the connection must not be kept after returning. */
        T run(Connection connection) throws SQLException;
    }
}

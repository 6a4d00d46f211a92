package dev.annals.bench.compare.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database the peers of Annals write to, created for one run and deleted afterwards: what differs
 * between SQLite and PostgreSQL for the plain JDBC loop and Axon's engine.
 */
public sealed interface Database extends AutoCloseable permits SqliteDatabase, PostgresDatabase {

    /** Short name in system names: {@code sqlite} or {@code postgresql}. */
    String name();

    /** A new connection with the durable settings of the run. */
    Connection open() throws SQLException;

    /** Connections the writers share: 1 for SQLite (one writer at a time), one per writer for PostgreSQL. */
    int poolSize(int writers);

    /** Whether {@code e} is a unique-key violation: an append that lost a race for a version. */
    boolean isConflict(SQLException e);

    /** The DDL of the plain table: {@code plain_events(position, stream, version, event_id, type, payload)}. */
    List<String> plainTable();

    /** The DDL of Axon's default event and snapshot tables, as Axon's own table factories would make them. */
    List<String> axonTables();

    /** Drops what the run created. */
    @Override
    void close() throws Exception;

    /** Runs {@code statements} in one transaction on a new connection. */
    default void execute(List<String> statements) throws SQLException {
        try (Connection connection = open();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }
}

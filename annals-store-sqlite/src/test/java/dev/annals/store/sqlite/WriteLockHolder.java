package dev.annals.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Holds SQLite's write lock on a store's file from a connection of its own, so that appends queue up
 * behind it and form one batch when it is released. A real lock on a real file: no mock.
 */
final class WriteLockHolder implements AutoCloseable {

    private final Connection connection;
    private boolean held;

    private WriteLockHolder(Connection connection) {
        this.connection = connection;
    }

    static WriteLockHolder hold(Path file) throws SQLException {
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        var holder = new WriteLockHolder(connection);
        holder.held = true;
        return holder;
    }

    /** Runs {@code sql} inside the held transaction; it commits with {@link #release()}. */
    void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    void release() throws SQLException {
        if (held) {
            held = false;
            try (var statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        release();
        connection.close();
    }
}

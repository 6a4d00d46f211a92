package dev.annals.store.sqlite.internal;

import dev.annals.store.EventStoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Creates and upgrades the schema, tracking its version in {@code PRAGMA user_version}.
 *
 * <p>Version 1: integer keys for streams and event types, the log keyed by global position (SQLite's
 * rowid, so appends go to the end of the table), and two unique indexes: one per stream and version
 * (compact thanks to the integer stream key) and one on the 16-byte event id (which grows at its end
 * with time-ordered UUID v7 ids).
 */
public final class SqliteSchema {

    /** The schema version this code writes and reads. */
    public static final int CURRENT_VERSION = 1;

    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE streams (stream_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, category TEXT NOT NULL)",
            "CREATE INDEX streams_by_category ON streams(category)",
            "CREATE TABLE event_types (type_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL,"
                    + " stream_version INTEGER NOT NULL, event_id BLOB NOT NULL, type_id INTEGER NOT NULL,"
                    + " schema_version INTEGER NOT NULL, payload BLOB NOT NULL, metadata BLOB,"
                    + " recorded_at INTEGER NOT NULL)",
            "CREATE UNIQUE INDEX events_by_stream ON events(stream_id, stream_version)",
            "CREATE UNIQUE INDEX events_by_event_id ON events(event_id)");

    private SqliteSchema() {
    }

    /** Brings the database on {@code connection} to {@link #CURRENT_VERSION}. */
    public static void migrate(Connection connection, Path file) throws SQLException {
        int version = userVersion(connection);
        if (version > CURRENT_VERSION) {
            throw new EventStoreException("database " + file + " has schema version " + version
                    + ", newer than this Annals version understands (" + CURRENT_VERSION + ")");
        }
        if (version == CURRENT_VERSION) {
            return;
        }
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                if (version < 1) {
                    for (String ddl : VERSION_1) {
                        statement.execute(ddl);
                    }
                }
                statement.execute("PRAGMA user_version = " + CURRENT_VERSION);
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}

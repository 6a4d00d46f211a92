package dev.annals.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a store file as Annals did before its SQLite schema moved to Flyway: the statements the Java
 * migration steps ran, verbatim, and the version in {@code PRAGMA user_version}, with no history table.
 */
final class LegacySchema {

    private static final List<List<String>> STEPS = List.of(
            List.of(
                    "CREATE TABLE streams (stream_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, category TEXT NOT NULL)",
                    "CREATE INDEX streams_by_category ON streams(category)",
                    "CREATE TABLE event_types (type_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL,"
                            + " stream_version INTEGER NOT NULL, event_id BLOB NOT NULL, type_id INTEGER NOT NULL,"
                            + " schema_version INTEGER NOT NULL, payload BLOB NOT NULL, metadata BLOB,"
                            + " recorded_at INTEGER NOT NULL)",
                    "CREATE UNIQUE INDEX events_by_stream ON events(stream_id, stream_version)",
                    "CREATE UNIQUE INDEX events_by_event_id ON events(event_id)"),
            List.of(
                    "CREATE TABLE projection_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                            + " updated_at INTEGER NOT NULL)",
                    "CREATE TABLE projection_control (projection TEXT PRIMARY KEY, paused INTEGER NOT NULL DEFAULT 0,"
                            + " rebuild TEXT, live_version INTEGER NOT NULL DEFAULT 1)",
                    "CREATE TABLE projection_status (projection TEXT PRIMARY KEY, state TEXT NOT NULL,"
                            + " checkpoint INTEGER NOT NULL, head INTEGER NOT NULL, events_behind INTEGER NOT NULL,"
                            + " seconds_behind REAL NOT NULL,"
                            + " error TEXT, updated_at INTEGER NOT NULL)",
                    "CREATE TABLE dead_letters (id INTEGER PRIMARY KEY, projection TEXT NOT NULL, position INTEGER NOT NULL,"
                            + " event_id TEXT NOT NULL, event_type TEXT NOT NULL, error TEXT NOT NULL,"
                            + " attempts INTEGER NOT NULL, first_failure INTEGER NOT NULL, last_failure INTEGER NOT NULL,"
                            + " status TEXT NOT NULL)",
                    "CREATE INDEX dead_letters_by_projection ON dead_letters(projection, status)"),
            List.of(
                    "CREATE TABLE snapshots (stream TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL,"
                            + " state_version INTEGER NOT NULL, state TEXT NOT NULL, taken_at INTEGER NOT NULL,"
                            + " PRIMARY KEY (stream, version))",
                    "CREATE TABLE event_hashes (position INTEGER PRIMARY KEY, hash BLOB NOT NULL)"),
            List.of(
                    "ALTER TABLE streams ADD COLUMN truncate_before INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE streams ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
                    "CREATE TABLE subject_keys (subject TEXT PRIMARY KEY, data_key BLOB, created_at INTEGER NOT NULL,"
                            + " forgotten_at INTEGER)"),
            List.of(
                    "CREATE TABLE stream_index (stream_id INTEGER NOT NULL, stream_version INTEGER NOT NULL,"
                            + " position INTEGER NOT NULL, PRIMARY KEY (stream_id, stream_version)) WITHOUT ROWID",
                    "INSERT INTO stream_index(stream_id, stream_version, position) SELECT stream_id, stream_version,"
                            + " position FROM events INDEXED BY events_by_stream ORDER BY stream_id, stream_version",
                    "CREATE TABLE stream_index_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                            + " indexed_through INTEGER NOT NULL)",
                    "INSERT INTO stream_index_state VALUES (1, (SELECT COALESCE(MAX(position), 0) FROM events))",
                    "DROP INDEX events_by_stream"));

    private LegacySchema() {}

    /** A store in {@code directory} at schema {@code version} (1 to 5), as the Java steps left it. */
    static void create(Path directory, int version) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        try (var connection =
                        DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteEventStore.FILE_NAME));
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            for (var step : STEPS.subList(0, version)) {
                for (String sql : step) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA user_version = " + version);
        }
    }
}

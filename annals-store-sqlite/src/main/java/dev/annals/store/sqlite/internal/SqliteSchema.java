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
 *
 * <p>Version 2 adds the projections' state, kept beside the events so that a read model in the same file
 * commits with its checkpoint and so that the CLI can act from another process: checkpoints, control
 * requests (paused, rebuild requested, live version), the status a runner reports, and dead letters.
 * Times in these tables are milliseconds since the epoch.
 *
 * <p>Version 3 adds snapshots of entity states ({@code SqliteSnapshotStore}): one row per stream and
 * version, with the state's shape version so that a changed state shape ignores older rows; and the
 * audit trail's hash chain ({@code SqliteAuditTrail}): one SHA-256 per sealed event position.
 *
 * <p>Version 4 adds erasure (docs/adr/0010 and 0011): the deletion marks of each stream (the first
 * version its reads return and whether it is soft-deleted or tombstoned) and the subjects' data keys
 * for crypto-shredding ({@code subject_keys}; a forgotten subject keeps its row, without a key).
 *
 * <p>Version 5 replaces the unique index on the events' {@code (stream_id, stream_version)}, which every
 * append updated, by the {@link StreamIndex} table that the writer fills in batches (docs/adr/0015); an
 * upgraded file has all its events indexed at once.
 */
final class SqliteSchema {

    /** The schema version this code writes and reads. */
    public static final int CURRENT_VERSION = 5;

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

    private static final List<String> VERSION_2 = List.of(
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
            "CREATE INDEX dead_letters_by_projection ON dead_letters(projection, status)");

    private static final List<String> VERSION_3 = List.of(
            "CREATE TABLE snapshots (stream TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL,"
                    + " state_version INTEGER NOT NULL, state TEXT NOT NULL, taken_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (stream, version))",
            "CREATE TABLE event_hashes (position INTEGER PRIMARY KEY, hash BLOB NOT NULL)");

    private static final List<String> VERSION_4 = List.of(
            "ALTER TABLE streams ADD COLUMN truncate_before INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE streams ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
            "CREATE TABLE subject_keys (subject TEXT PRIMARY KEY, data_key BLOB, created_at INTEGER NOT NULL,"
                    + " forgotten_at INTEGER)");

    private static final List<String> VERSION_5 = List.of(
            "CREATE TABLE stream_index (stream_id INTEGER NOT NULL, stream_version INTEGER NOT NULL,"
                    + " position INTEGER NOT NULL, PRIMARY KEY (stream_id, stream_version)) WITHOUT ROWID",
            // Copied through the old index, which is already in the new one's order: no sort of the whole log.
            "INSERT INTO stream_index(stream_id, stream_version, position) SELECT stream_id, stream_version, position"
                    + " FROM events INDEXED BY events_by_stream ORDER BY stream_id, stream_version",
            "CREATE TABLE stream_index_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                    + " indexed_through INTEGER NOT NULL)",
            "INSERT INTO stream_index_state VALUES (1, (SELECT COALESCE(MAX(position), 0) FROM events))",
            "DROP INDEX events_by_stream");

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
                // Another process (the CLI, say) may have migrated since the first look; look again under the lock.
                version = userVersion(connection);
                if (version < 1) {
                    for (String ddl : VERSION_1) {
                        statement.execute(ddl);
                    }
                }
                if (version < 2) {
                    for (String ddl : VERSION_2) {
                        statement.execute(ddl);
                    }
                }
                if (version < 3) {
                    for (String ddl : VERSION_3) {
                        statement.execute(ddl);
                    }
                }
                if (version < 4) {
                    for (String ddl : VERSION_4) {
                        statement.execute(ddl);
                    }
                }
                if (version < 5) {
                    for (String ddl : VERSION_5) {
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

    /**
     * Checks, without writing, that the database on {@code connection} has {@link #CURRENT_VERSION}: a
     * read-only open can neither create nor upgrade it.
     *
     * @throws EventStoreException naming the file and both versions otherwise
     */
    static void requireCurrent(Connection connection, Path file) throws SQLException {
        int version = userVersion(connection);
        if (version > CURRENT_VERSION) {
            throw new EventStoreException("database " + file + " has schema version " + version
                    + ", newer than this Annals version understands (" + CURRENT_VERSION + ")");
        }
        if (version < CURRENT_VERSION) {
            throw new EventStoreException("database " + file + " has schema version " + version + ", older than"
                    + " this Annals version's (" + CURRENT_VERSION + "): it cannot be upgraded while opened"
                    + " read-only; open it once for writing (the server, or any command that writes)");
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}

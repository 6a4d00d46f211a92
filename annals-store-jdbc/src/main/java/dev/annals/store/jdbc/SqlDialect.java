package dev.annals.store.jdbc;

import dev.annals.store.Direction;
import dev.annals.store.ReadSource;
import dev.annals.store.StoreUnavailableException;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What differs between SQL backends: the SQL text and the meaning of their errors.
 *
 * <p>The shared schema has three tables. {@code streams(stream_id, name, category)} gives each stream
 * an integer key, so that the events' stream index stays compact; {@code event_types(type_id, name)}
 * does the same for type names; {@code events(position, stream_id, stream_version, event_id, type_id,
 * schema_version, payload, metadata, recorded_at)} holds the log, keyed by global position, with unique
 * indexes on {@code (stream_id, stream_version)} and on {@code event_id} (SQLite keeps the first in a table
 * of its own that trails the log; its dialect overrides the queries that use it). {@code metadata} is
 * {@code NULL} when empty and {@code recorded_at} counts microseconds since the epoch. Two columns of
 * {@code streams} record deletions (docs/adr/0011): {@code truncate_before}, the first version stream
 * reads return, and {@code deleted}, 0 for a live stream, 1 when soft-deleted, 2 when tombstoned.
 *
 * <p>The default methods give portable SQL; a backend overrides what its engine needs differently.
 * Read queries take their parameters in this order: the source's key when it has one (stream name,
 * category or type name), the inclusive start (version or position), the page size.
 */
public interface SqlDialect {

    /** A short name for logs and metrics, such as {@code sqlite}. */
    String name();

    /**
     * Where the backend's versioned schema is: a Flyway location ({@code classpath:...}) holding its SQL
     * migration files, {@code V1__events.sql} and on. Every SQL backend applies its files with Flyway when
     * a store opens, and refuses a database migrated by a newer Annals (docs/adr/0028).
     */
    String migrations();

    /** True when {@code e} reports a violated unique or primary-key constraint. */
    boolean isUniqueViolation(SQLException e);

    /**
     * The storage fault {@code e} reports (disk full, read-only storage, an I/O error, the database
     * unreachable), or empty when it reports something else. Only {@code e} itself is looked at; see
     * {@link dev.annals.store.jdbc.append.BatchFailure#of} for a whole chain.
     */
    default Optional<StoreUnavailableException.Reason> storageFault(SQLException e) {
        return Optional.empty();
    }

    /**
     * True when {@code e} says that another connection holds a lock this statement needs, and that the same
     * statement, run again on the same connection, may succeed once the lock is released ({@code LockWaits}
     * then parks in Java and retries it). False by default: a database that waits for locks itself, or whose
     * failed statement spoils the transaction it ran in, must not have its statements retried one by one.
     */
    default boolean isBusy(SQLException e) {
        return false;
    }

    /**
     * The statement that opens a transaction which reads, then writes (a read model's unit of work, the
     * projections' bookkeeping): {@code BEGIN} by default; a backend whose reading transactions can fail
     * when they later try to write (SQLite's snapshots) takes its write lock here at once. The transaction
     * ends with {@code COMMIT} or {@code ROLLBACK}.
     */
    default String beginWrite() {
        return "BEGIN";
    }

    /**
     * The statements a connection runs before it deletes secrets (the subjects' data keys), so that the
     * deleted values are overwritten on disk rather than left in free pages: none by default (PostgreSQL
     * keeps the old row version until VACUUM whatever the session asks; docs/erasure.md says so).
     */
    default List<String> secureDelete() {
        return List.of();
    }

    /**
     * The columns every event query selects, in the order {@link EventRows} reads them: the event's
     * columns with the stream's and the type's names, then the stream's and the type's keys (which let a
     * reader skip decoding names it has decoded before).
     */
    default String selectEvents() {
        return "SELECT e.position, s.name, e.stream_version, e.event_id, t.name, e.schema_version, e.payload,"
                + " e.metadata, e.recorded_at, e.stream_id, e.type_id FROM events e"
                + " JOIN streams s ON s.stream_id = e.stream_id JOIN event_types t ON t.type_id = e.type_id";
    }

    /**
     * How a query limits its rows to a bound parameter, with a leading space: {@code " LIMIT ?"}. Every
     * page query is written with it, so that a dialect whose database would compile a prepared statement
     * anew at each execution of a bare limit parameter can write it otherwise (SQLite).
     */
    default String limit() {
        return " LIMIT ?";
    }

    /** One page of the events {@code source} selects, in {@code direction}. */
    default String readPage(ReadSource source, Direction direction) {
        boolean forward = direction == Direction.FORWARD;
        String from = forward ? " >= ?" : " <= ?";
        String order = forward ? "" : " DESC";
        return switch (source) {
            case ReadSource.StreamOf s ->
                selectEvents()
                        + " WHERE e.stream_id = (SELECT stream_id FROM streams WHERE name = ?)"
                        + " AND e.stream_version >= s.truncate_before"
                        + " AND e.stream_version" + from + " ORDER BY e.stream_version" + order + limit();
            case ReadSource.All a ->
                selectEvents() + " WHERE e.position" + from + " ORDER BY e.position" + order + limit();
            case ReadSource.Category c ->
                selectEvents()
                        + " WHERE e.stream_id IN (SELECT stream_id FROM streams WHERE category = ?)"
                        + " AND e.position" + from + " ORDER BY e.position" + order + limit();
            case ReadSource.EventType t ->
                selectEvents()
                        + " WHERE e.type_id = (SELECT type_id FROM event_types WHERE name = ?)"
                        + " AND e.position" + from + " ORDER BY e.position" + order + limit();
        };
    }

    /**
     * Binds what this backend's {@link #readPage} query takes after the page size, from parameter
     * {@code nextIndex} on; by default it takes nothing more.
     */
    default void bindReadExtras(PreparedStatement statement, ReadSource source, int nextIndex) throws SQLException {}

    /** The events with the given id: one parameter, the id. */
    default String selectByEventId() {
        return selectEvents() + " WHERE e.event_id = ?";
    }

    /** The global position of the last event, 0 when there is none. */
    default String selectHeadPosition() {
        return "SELECT COALESCE(MAX(position), 0) FROM events";
    }

    /**
     * One page of the streams not deleted after a stream key: stream_id, name, version and last position,
     * by key; parameters: the last key seen (0 at first), the page size.
     */
    default String selectStreamsPage() {
        return "SELECT s.stream_id, s.name, e.stream_version, e.position FROM streams s"
                + " JOIN events e ON e.stream_id = s.stream_id AND e.stream_version ="
                + " (SELECT MAX(x.stream_version) FROM events x WHERE x.stream_id = s.stream_id)"
                + " WHERE s.stream_id > ? AND s.deleted = 0 ORDER BY s.stream_id" + limit();
    }

    /**
     * A stream's key, current version (NULL when it has no events), first readable version and deletion
     * state; parameter: its name.
     */
    default String selectStreamState() {
        return "SELECT s.stream_id, (SELECT MAX(e.stream_version) FROM events e WHERE e.stream_id = s.stream_id),"
                + " s.truncate_before, s.deleted FROM streams s WHERE s.name = ?";
    }

    /** Sets a stream's first readable version and deletion state; parameters: both, then its key. */
    default String updateStreamMarks() {
        return "UPDATE streams SET truncate_before = ?, deleted = ? WHERE stream_id = ?";
    }

    /** The largest stream key, 0 when there is none. */
    default String selectLastStreamKey() {
        return "SELECT COALESCE(MAX(stream_id), 0) FROM streams";
    }

    /** Every event type with its key. */
    default String selectEventTypes() {
        return "SELECT type_id, name FROM event_types";
    }

    /** Adds a stream: its key, name and category. */
    default String insertStream() {
        return "INSERT INTO streams(stream_id, name, category) VALUES (?, ?, ?)";
    }

    /** Adds an event type: its key and name. */
    default String insertEventType() {
        return "INSERT INTO event_types(type_id, name) VALUES (?, ?)";
    }

    /** Adds an event, its columns in schema order. */
    default String insertEvent() {
        return "INSERT INTO events(position, stream_id, stream_version, event_id, type_id, schema_version,"
                + " payload, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * The statements that open a transaction writing events in bulk (an import or a migration), so that no
     * append interleaves with it: {@code BEGIN} by default; a backend adds what its engine needs (a write
     * lock taken at once, an advisory lock its appenders also take). The transaction ends with
     * {@code COMMIT} or {@code ROLLBACK}.
     */
    default List<String> beginBulkWrite() {
        return List.of("BEGIN");
    }

    /** A table's name as queries must write it: as is by default; a backend may qualify it with a schema. */
    default String table(String name) {
        return name;
    }

    /**
     * The statements that open the transaction of an audit ({@code JdbcAuditTrail}), which reads the whole log
     * and seals what is not sealed yet: {@code BEGIN} by default; a backend adds a lock so that two audits do
     * not seal at once. The transaction ends with {@code COMMIT} or {@code ROLLBACK}.
     */
    default List<String> beginAudit() {
        return List.of("BEGIN");
    }

    /**
     * The statements a read-model transaction runs before it makes or drops read-model tables and views, so
     * that two transactions doing so at once (the segments of one projection, or its workers in several
     * processes, starting together) wait for each other instead of one failing: none by default (SQLite's
     * writers take turns already); PostgreSQL takes an advisory lock, as its {@code IF NOT EXISTS} does not
     * guard two transactions making the same table at once.
     */
    default List<String> lockReadModelTables() {
        return List.of();
    }

    /**
     * Saves a snapshot ({@code JdbcSnapshotStore}), replacing the row of the same stream and version; parameters:
     * stream, version, position, state version, state, taken-at milliseconds. The default's upsert is one
     * that SQLite (3.24 on) and PostgreSQL both speak.
     */
    default String saveSnapshot() {
        return "INSERT INTO " + table("snapshots") + " (stream, version, position, state_version, state, taken_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (stream, version) DO UPDATE SET position = excluded.position,"
                + " state_version = excluded.state_version, state = excluded.state, taken_at = excluded.taken_at";
    }

    /**
     * A stream's snapshots, highest version first: version, position, state version, state, taken-at
     * milliseconds; parameter: the stream.
     */
    default String selectSnapshots() {
        return "SELECT version, position, state_version, state, taken_at FROM " + table("snapshots")
                + " WHERE stream = ? ORDER BY version DESC";
    }

    /** Deletes a stream's snapshots; parameter: the stream. */
    default String deleteSnapshots() {
        return "DELETE FROM " + table("snapshots") + " WHERE stream = ?";
    }

    /**
     * The statements a bulk write runs just before its {@code COMMIT}: none by default; a backend adds what
     * it must derive from the events written (SQLite indexes them by stream).
     */
    default List<String> endBulkWrite() {
        return List.of();
    }

    /** Binds an event id; by default as 16 big-endian bytes, which keep the order of UUID v7 ids. */
    default void bindEventId(PreparedStatement statement, int index, UUID eventId) throws SQLException {
        statement.setBytes(
                index,
                ByteBuffer.allocate(16)
                        .putLong(eventId.getMostSignificantBits())
                        .putLong(eventId.getLeastSignificantBits())
                        .array());
    }

    /** Reads an event id bound by {@link #bindEventId}. */
    default UUID readEventId(ResultSet row, int index) throws SQLException {
        var bytes = ByteBuffer.wrap(row.getBytes(index));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}

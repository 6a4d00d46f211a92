package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.event.MetadataJson;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.append.VersionRefusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes appends inside a transaction its caller opened, locked and will commit or roll back.
 *
 * <p>The transaction first takes the schema's transaction-scoped advisory lock ({@link #lock}), held until
 * commit or rollback: transactions that append are serialised, so the next position is simply the last
 * committed one plus one, positions are gap-free, and they become visible in position order (see
 * docs/adr/0006). The lock is taken in a statement of its own because under READ COMMITTED each
 * statement's snapshot is taken when it starts: a query run in the same statement as the lock could miss
 * the commit it waited for.
 *
 * <p>Used by one writer thread at a time: it remembers the event types it created until told whether
 * their transaction committed.
 */
public final class PostgresAppender {

    /** The first key of the advisory lock: "anna" in ASCII, so that other users' locks do not collide. */
    static final int LOCK_CLASS = 0x616E6E61;

    private final PostgresDialect dialect;
    private final Map<String, Long> committedTypes = new ConcurrentHashMap<>();
    private final Map<String, Long> uncommittedTypes = new HashMap<>();

    public PostgresAppender(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Takes the schema's append lock in the open transaction of {@code connection}, until it commits or
     * rolls back; deletions and imports take it too, so that they are ordered with appends.
     */
    public void lock(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, dialect.schema().hashCode());
            lock.execute();
        }
    }

    /**
     * Notifies the new head {@code position} and commits the open transaction of {@code connection}, in one
     * round trip: the two statements go to the server together and the notification is delivered by the
     * commit. A failure leaves the outcome unknown, as any failed commit does.
     */
    public void notifyHeadAndCommit(Connection connection, long position) throws SQLException {
        try (var notify = connection.prepareStatement("SELECT pg_notify(?, ?); COMMIT")) {
            notify.setString(1, dialect.channel());
            notify.setString(2, Long.toString(position));
            notify.execute();
        }
        // The driver saw the transaction end; this only settles its own state and sends nothing.
        connection.commit();
    }

    /**
     * The statements that open a group's transaction, sent in one round trip: the append lock, then what
     * {@code reads} asks. Each runs with a snapshot of its own (READ COMMITTED), taken after the lock is held,
     * so the reads see every commit the lock waited for. Parameters of {@code reads} start at index 3; after
     * {@code execute()} the current result is the lock's, so call {@code getMoreResults()} before each read.
     */
    public PreparedStatement lockThen(Connection connection, String reads) throws SQLException {
        var statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?); " + reads);
        statement.setInt(1, LOCK_CLASS);
        statement.setInt(2, dialect.schema().hashCode());
        return statement;
    }

    /** The key of event type {@code type} as committed, 0 when this appender has not seen it committed. */
    long committedTypeKey(String type) {
        var key = committedTypes.get(type);
        return key == null ? 0 : key;
    }

    /** Remembers the key of event type {@code type}, read or created by a transaction that committed. */
    void typeCommitted(String type, long key) {
        committedTypes.put(type, key);
    }

    /** Remembers the event types created since the last call for good: their transaction committed. */
    public void committed() {
        committedTypes.putAll(uncommittedTypes);
        uncommittedTypes.clear();
    }

    /** Forgets the event types created since the last call: their transaction (or savepoint) rolled back. */
    public void rolledBack() {
        uncommittedTypes.clear();
    }

    /**
     * Writes {@code events} to {@code stream} in the open, locked transaction of {@code connection}.
     *
     * @return the append's result, or the original result of an exact retry (which writes nothing)
     * @throws VersionRefusal               when the stream is elsewhere and this is no exact retry
     * @throws SQLException                  when the database failed, or an event id is stored already (a
     *                                       unique violation: roll back, then resolve the retry)
     */
    public AppendResult write(Connection connection, String stream, ExpectedVersion expected, List<EventData> events)
            throws SQLException {
        long lastPosition;
        long lastRecordedAt;
        long streamKey;
        long actual;
        long lastVersion;
        StreamMarks.State deletion = StreamMarks.State.LIVE;
        boolean known;
        try (var state = connection.prepareStatement(dialect.selectAppendState())) {
            state.setString(1, stream);
            try (var row = state.executeQuery()) {
                row.next(); // always one row, thanks to the outer joins
                lastPosition = row.getLong(1);
                lastRecordedAt = row.getLong(2);
                streamKey = row.getLong(3);
                known = !row.wasNull();
                long version = row.getLong(4);
                lastVersion = known && !row.wasNull() ? version : StreamInfo.NO_STREAM;
                if (known) {
                    deletion = StreamMarks.State.ofCode(row.getInt(5));
                }
            }
        }
        actual = StreamMarks.versionForAppend(stream, lastVersion, deletion);
        if (!expected.accepts(actual)) {
            var retry = StoredEvents.resolveRetry(dialect, connection, stream, events);
            if (retry.isPresent()) {
                return retry.get();
            }
            throw new VersionRefusal(stream, expected, actual);
        }
        if (!known) {
            streamKey = insertStream(connection, stream);
        }
        // Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
        long recordedAt = Math.max(lastRecordedAt, EventRows.microsOf(Instant.now()));
        long position = lastPosition;
        long version = lastVersion;
        try (var insert = connection.prepareStatement(dialect.insertEvent())) {
            for (EventData event : events) {
                addEvent(connection, insert, ++position, streamKey, ++version, event, recordedAt);
            }
            insert.executeBatch();
        }
        if (deletion != StreamMarks.State.LIVE) {
            // A soft-deleted stream lives again; its old events stay hidden behind truncate_before.
            try (var revive = connection.prepareStatement(
                    "UPDATE " + dialect.schema() + ".streams SET deleted = 0 WHERE stream_id = ?")) {
                revive.setLong(1, streamKey);
                revive.executeUpdate();
            }
        }
        return new AppendResult(version, position);
    }

    /** Adds {@code event} at {@code position} and {@code version} of stream {@code streamKey} to {@code insert}'s batch. */
    void addEvent(
            Connection connection,
            PreparedStatement insert,
            long position,
            long streamKey,
            long version,
            EventData event,
            long recordedAt)
            throws SQLException {
        insert.setLong(1, position);
        insert.setLong(2, streamKey);
        insert.setLong(3, version);
        dialect.bindEventId(insert, 4, event.eventId());
        insert.setLong(5, typeKey(connection, event.type()));
        insert.setInt(6, event.schemaVersion());
        insert.setBytes(7, event.payload());
        bindMetadata(insert, 8, event);
        insert.setLong(9, recordedAt);
        insert.addBatch();
    }

    /** Binds {@code event}'s metadata as JSON bytes to parameter {@code index}, or NULL when it has none. */
    static void bindMetadata(PreparedStatement statement, int index, EventData event) throws SQLException {
        if (event.metadata().isEmpty()) {
            statement.setNull(index, Types.BINARY);
        } else {
            statement.setBytes(index, MetadataJson.encode(event.metadata()));
        }
    }

    /** The largest stream key in use, 0 when there is none. */
    long lastStreamKey(Connection connection) throws SQLException {
        return single(connection, dialect.selectLastStreamKey());
    }

    private long insertStream(Connection connection, String stream) throws SQLException {
        long key = lastStreamKey(connection) + 1;
        try (var insert = connection.prepareStatement(dialect.insertStream())) {
            insert.setLong(1, key);
            insert.setString(2, stream);
            insert.setString(3, StreamName.categoryOf(stream));
            insert.executeUpdate();
        }
        return key;
    }

    private long typeKey(Connection connection, String type) throws SQLException {
        var cached = committedTypes.get(type);
        if (cached == null) {
            cached = uncommittedTypes.get(type);
        }
        if (cached != null) {
            return cached;
        }
        try (var select = connection.prepareStatement(dialect.selectEventType())) {
            select.setString(1, type);
            try (var row = select.executeQuery()) {
                if (row.next()) {
                    // Seen under the lock, so committed or created in this transaction: remember it until
                    // the transaction ends.
                    uncommittedTypes.put(type, row.getLong(1));
                    return row.getLong(1);
                }
            }
        }
        long key = single(connection, "SELECT COALESCE(MAX(type_id), 0) FROM " + dialect.schema() + ".event_types") + 1;
        try (var insert = connection.prepareStatement(dialect.insertEventType())) {
            insert.setLong(1, key);
            insert.setString(2, type);
            insert.executeUpdate();
        }
        uncommittedTypes.put(type, key);
        return key;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql);
                var row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}

package dev.annals.store.sqlite.internal;

import dev.annals.store.StreamInfo;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.StreamMarksRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the single writer knows without asking the database: the next global position, the next stream
 * and type keys, the event types, the versions of recently used streams, the audit trail's last hash and
 * how far the stream index reaches.
 *
 * <p>Only the writer thread touches it. It is exact because nothing else writes to the file (the store
 * holds a lock on its data directory). When a transaction fails, {@link #reload} rebuilds it from what
 * was committed.
 */
final class WriterState {

    /**
     * A stream's key, current version ({@link StreamInfo#NO_STREAM} when it has no events) and deletion
     * state.
     */
    public record StreamKey(long id, long version, StreamMarks.State state) {}

    private final SqlDialect dialect;
    private final int cachedStreams;
    private final Map<String, StreamKey> streams = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StreamKey> eldest) {
            return size() > cachedStreams;
        }
    };
    private final Map<String, Long> types = new HashMap<>();
    private long nextPosition;
    private long nextStreamKey;
    private long nextTypeKey;
    private byte[] lastHash;
    private long indexedThrough;

    /** @param cachedStreams how many streams' keys and versions to keep in memory, the most recently used */
    public WriterState(SqlDialect dialect, int cachedStreams) {
        this.dialect = dialect;
        this.cachedStreams = cachedStreams;
    }

    /** Forgets everything and reads the committed state. */
    public void reload(Connection connection) throws SQLException {
        streams.clear();
        types.clear();
        nextPosition = single(connection, dialect.selectHeadPosition()) + 1;
        nextStreamKey = single(connection, dialect.selectLastStreamKey()) + 1;
        long lastType = 0;
        try (var statement = connection.prepareStatement(dialect.selectEventTypes());
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                types.put(rows.getString(2), rows.getLong(1));
                lastType = Math.max(lastType, rows.getLong(1));
            }
        }
        nextTypeKey = lastType + 1;
        lastHash = ChainSeal.catchUp(dialect, connection);
        indexedThrough = StreamIndex.indexedThrough(connection);
    }

    /** The last position the stream index covers (committed or in the open transaction). */
    public long indexedThrough() {
        return indexedThrough;
    }

    public void indexedThrough(long position) {
        indexedThrough = position;
    }

    /** The audit trail's hash of the newest event written (committed or in the open transaction). */
    public byte[] lastHash() {
        return lastHash;
    }

    public void lastHash(byte[] hash) {
        lastHash = hash;
    }

    /**
     * The stream's key and version, from memory or else the database; empty for a new stream.
     *
     * @param selectStreamState {@link StreamIndex#selectStreamStateUpTo()}, prepared on the writer's connection
     * @param tailEnd           where the stream ends in the tail of the log ({@link TailPositions#end})
     */
    public Optional<StreamKey> stream(PreparedStatement selectStreamState, String name, long tailEnd)
            throws SQLException {
        var known = streams.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        selectStreamState.setLong(2, tailEnd);
        var found = StreamMarksRows.find(selectStreamState, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var marks = found.get().marks();
        var key = new StreamKey(found.get().streamId(), marks.lastVersion(), marks.state());
        streams.put(name, key);
        return Optional.of(key);
    }

    /** Whether the stream's key and version are in memory (or it was written in the open transaction). */
    public boolean holds(String name) {
        return streams.containsKey(name);
    }

    /** Records a stream's version after an append was written, or its state after a deletion. */
    public void streamWritten(String name, StreamKey key) {
        streams.put(name, key);
    }

    /** The key of a known event type, or empty. */
    public Optional<Long> typeKey(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Records event types written with an append. */
    public void typesWritten(Map<String, Long> written) {
        types.putAll(written);
    }

    public long nextPosition() {
        return nextPosition;
    }

    public void nextPosition(long position) {
        nextPosition = position;
    }

    public long nextStreamKey() {
        return nextStreamKey;
    }

    public void nextStreamKey(long key) {
        nextStreamKey = key;
    }

    public long nextTypeKey() {
        return nextTypeKey;
    }

    public void nextTypeKey(long key) {
        nextTypeKey = key;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql);
                var row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}

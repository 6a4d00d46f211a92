package dev.annals.store.jdbc.transfer;

import dev.annals.event.MetadataJson;
import dev.annals.event.RecordedEvent;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events into the shared tables exactly as they were recorded elsewhere: position, stream
 * version, event id, type, schema version, payload bytes, metadata and timestamp preserved. Used by
 * imports and migrations on every SQL backend; the dialect supplies the SQL text.
 *
 * <p>Works inside a transaction its caller opened on {@code connection} and will commit or roll back; after
 * a rollback, drop the writer (its caches of stream and type keys would be stale) and make a new one. It
 * continues whatever the target already holds: each event's position must follow the target's last one,
 * and its stream version must follow its stream's current version in the target.
 *
 * <p>This bypasses the append checks and the store's clock, which only a restore or a migration may do;
 * it is not part of the {@code EventStore} contract.
 */
public final class RecordedEventWriter implements AutoCloseable {

    private final SqlDialect dialect;
    private final Connection connection;
    private final Map<String, Long> streamKeys = new HashMap<>();
    private final Map<String, Long> streamVersions = new HashMap<>();
    private final Map<String, Long> typeKeys = new HashMap<>();
    private final PreparedStatement insertEvent;
    private long lastPosition;
    private long lastStreamKey;

    /** A writer continuing after what the target on {@code connection} holds. */
    public RecordedEventWriter(SqlDialect dialect, Connection connection) throws SQLException {
        this.dialect = requireNonNull(dialect, "dialect");
        this.connection = requireNonNull(connection, "connection");
        this.lastPosition = single(dialect.selectHeadPosition());
        this.lastStreamKey = single(dialect.selectLastStreamKey());
        try (var types = connection.prepareStatement(dialect.selectEventTypes());
                var rows = types.executeQuery()) {
            while (rows.next()) {
                typeKeys.put(rows.getString(2), rows.getLong(1));
            }
        }
        this.insertEvent = connection.prepareStatement(dialect.insertEvent());
    }

    /** The position of the last event in the target, this writer's included; 0 when there is none. */
    public long lastPosition() {
        return lastPosition;
    }

    /**
     * Writes {@code event}.
     *
     * @throws ImportRejectedException when its position does not follow the last one, or its stream version
     *                                 does not follow its stream's
     */
    public void write(RecordedEvent event) throws SQLException {
        requireNonNull(event, "event");
        if (event.position() <= lastPosition) {
            throw new ImportRejectedException("position " + event.position() + " (event " + event.eventId()
                    + ") does not follow position " + lastPosition);
        }
        long streamKey = streamKey(event.stream());
        long expectedVersion = streamVersions.get(event.stream()) + 1;
        if (event.streamVersion() != expectedVersion) {
            throw new ImportRejectedException("stream " + event.stream() + " at position " + event.position()
                    + " has version " + event.streamVersion() + ", expected " + expectedVersion);
        }
        insertEvent.setLong(1, event.position());
        insertEvent.setLong(2, streamKey);
        insertEvent.setLong(3, event.streamVersion());
        dialect.bindEventId(insertEvent, 4, event.eventId());
        insertEvent.setLong(5, typeKey(event.type()));
        insertEvent.setInt(6, event.schemaVersion());
        insertEvent.setBytes(7, event.payload());
        if (event.metadata().isEmpty()) {
            insertEvent.setNull(8, Types.BINARY);
        } else {
            insertEvent.setBytes(8, MetadataJson.encode(event.metadata()));
        }
        insertEvent.setLong(9, EventRows.microsOf(event.recordedAt()));
        insertEvent.executeUpdate();
        streamVersions.put(event.stream(), event.streamVersion());
        lastPosition = event.position();
    }

    private long streamKey(String stream) throws SQLException {
        var known = streamKeys.get(stream);
        if (known != null) {
            return known;
        }
        try (var select = connection.prepareStatement(dialect.selectStreamState())) {
            select.setString(1, stream);
            try (var row = select.executeQuery()) {
                if (row.next()) {
                    long key = row.getLong(1);
                    long version = row.getLong(2);
                    streamKeys.put(stream, key);
                    streamVersions.put(stream, row.wasNull() ? StreamInfo.NO_STREAM : version);
                    return key;
                }
            }
        }
        long key = ++lastStreamKey;
        try (var insert = connection.prepareStatement(dialect.insertStream())) {
            insert.setLong(1, key);
            insert.setString(2, stream);
            insert.setString(3, StreamName.categoryOf(StreamName.validate(stream)));
            insert.executeUpdate();
        }
        streamKeys.put(stream, key);
        streamVersions.put(stream, StreamInfo.NO_STREAM);
        return key;
    }

    private long typeKey(String type) throws SQLException {
        var known = typeKeys.get(type);
        if (known != null) {
            return known;
        }
        long key = typeKeys.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        try (var insert = connection.prepareStatement(dialect.insertEventType())) {
            insert.setLong(1, key);
            insert.setString(2, type);
            insert.executeUpdate();
        }
        typeKeys.put(type, key);
        return key;
    }

    private long single(String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql);
                var row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Closes the prepared statement; the connection stays its caller's. */
    @Override
    public void close() throws SQLException {
        insertEvent.close();
    }
}

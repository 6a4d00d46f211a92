package dev.annals.store.sqlite.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.StreamName;
import dev.annals.store.internal.MetadataJson;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.sqlite.SqliteProjections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes recorded events into an EMPTY SQLite store exactly as they were recorded elsewhere: positions,
 * stream versions, event ids, types, schema versions, payload bytes, metadata and timestamps preserved.
 *
 * <p>This is an internal capability of the SQLite store for {@code annals import}, deliberately outside
 * the {@code EventStore} contract: it bypasses the append checks and the store's clock, which only a
 * restore from an export may do. It writes in one transaction, so an import either lands whole or not
 * at all. No {@code SqliteEventStore} may have the store open while it runs (the open store's writer
 * caches the head); the CLI opens none.
 */
public final class SqliteImport {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteImport.class);
    private static final SqliteDialect DIALECT = new SqliteDialect();

    private SqliteImport() {
    }

    /**
     * Imports {@code events}, in the order given, into the store in {@code dataDirectory}.
     *
     * @return how many events were imported
     * @throws ImportRejectedException when the store is not empty, or positions do not increase, or a
     *                                 stream's versions do not run 0, 1, 2...; nothing is written
     */
    public static long into(Path dataDirectory, Iterator<RecordedEvent> events) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(events, "events");
        var connections = SqliteProjections.connections(dataDirectory);
        try (Connection connection = connections.open()) {
            LockWaits.retryWhileBusy(() -> {
                try (var begin = connection.createStatement()) {
                    begin.execute("BEGIN IMMEDIATE");
                }
                return null;
            });
            try {
                long imported = write(connection, events);
                try (var commit = connection.createStatement()) {
                    commit.execute("COMMIT");
                }
                LOG.info("imported {} event(s) into {}", imported, dataDirectory);
                return imported;
            } catch (RuntimeException | SQLException e) {
                try (var rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not import into " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static long write(Connection connection, Iterator<RecordedEvent> events) throws SQLException {
        try (var count = connection.createStatement(); var rows = count.executeQuery("SELECT COUNT(*) FROM events")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new ImportRejectedException("the store is not empty (" + rows.getLong(1)
                        + " events); import only into a new data directory");
            }
        }
        var streamKeys = new HashMap<String, Long>();
        var streamVersions = new HashMap<String, Long>();
        var typeKeys = new HashMap<String, Long>();
        long lastPosition = 0;
        long imported = 0;
        try (var insertStream = connection.prepareStatement(DIALECT.insertStream());
             var insertType = connection.prepareStatement(DIALECT.insertEventType());
             var insertEvent = connection.prepareStatement(DIALECT.insertEvent())) {
            while (events.hasNext()) {
                var event = events.next();
                if (event.position() <= lastPosition) {
                    throw new ImportRejectedException("position " + event.position() + " (event " + event.eventId()
                            + ") does not follow position " + lastPosition);
                }
                long expectedVersion = streamVersions.getOrDefault(event.stream(), -1L) + 1;
                if (event.streamVersion() != expectedVersion) {
                    throw new ImportRejectedException("stream " + event.stream() + " at position " + event.position()
                            + " has version " + event.streamVersion() + ", expected " + expectedVersion);
                }
                long streamKey = key(streamKeys, event.stream(), insertStream, true);
                long typeKey = key(typeKeys, event.type(), insertType, false);
                insertEvent.setLong(1, event.position());
                insertEvent.setLong(2, streamKey);
                insertEvent.setLong(3, event.streamVersion());
                DIALECT.bindEventId(insertEvent, 4, event.eventId());
                insertEvent.setLong(5, typeKey);
                insertEvent.setInt(6, event.schemaVersion());
                insertEvent.setBytes(7, event.payload());
                if (event.metadata().isEmpty()) {
                    insertEvent.setNull(8, java.sql.Types.BLOB);
                } else {
                    insertEvent.setBytes(8, MetadataJson.encode(event.metadata()));
                }
                insertEvent.setLong(9, EventRows.microsOf(event.recordedAt()));
                insertEvent.executeUpdate();
                streamVersions.put(event.stream(), event.streamVersion());
                lastPosition = event.position();
                imported++;
            }
        }
        return imported;
    }

    private static long key(Map<String, Long> keys, String name, java.sql.PreparedStatement insert, boolean stream)
            throws SQLException {
        var known = keys.get(name);
        if (known != null) {
            return known;
        }
        long key = keys.size() + 1L;
        insert.setLong(1, key);
        insert.setString(2, name);
        if (stream) {
            insert.setString(3, StreamName.categoryOf(StreamName.validate(name)));
        }
        insert.executeUpdate();
        keys.put(name, key);
        return key;
    }
}

package dev.annals.store.jdbc;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.internal.AppendChecks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks up stored events by id, to tell an exact retry of an append from a conflicting reuse of ids.
 *
 * <p>Write paths call it inside their transaction, so that events written earlier in the same
 * transaction count as stored.
 */
public final class StoredEvents {

    private StoredEvents() {}

    /** The stored event with {@code eventId}, if any. */
    public static Optional<RecordedEvent> find(SqlDialect dialect, Connection connection, UUID eventId)
            throws SQLException {
        try (var byId = connection.prepareStatement(dialect.selectByEventId())) {
            return find(dialect, byId, eventId);
        }
    }

    /**
     * The stored event with {@code eventId}, if any, through {@code byId}: the caller's statement of
     * {@link SqlDialect#selectByEventId()}, kept open by a writer that looks ids up often (every refused
     * append of a contended stream does), since preparing it costs more than running it on SQLite.
     */
    public static Optional<RecordedEvent> find(SqlDialect dialect, PreparedStatement byId, UUID eventId)
            throws SQLException {
        dialect.bindEventId(byId, 1, eventId);
        try (var row = byId.executeQuery()) {
            return row.next() ? Optional.of(EventRows.map(dialect, row)) : Optional.empty();
        }
    }

    /**
     * The original result when {@code events} are an exact retry of an earlier append to {@code stream};
     * empty when none of their ids is stored.
     *
     * @throws dev.annals.store.EventIdConflictException when some ids are stored, but not as an exact retry
     */
    public static Optional<AppendResult> resolveRetry(
            SqlDialect dialect, Connection connection, String stream, List<EventData> events) throws SQLException {
        try (var byId = connection.prepareStatement(dialect.selectByEventId())) {
            return resolveRetry(dialect, byId, stream, events);
        }
    }

    /** As {@link #resolveRetry(SqlDialect, Connection, String, List)}, through the caller's {@code byId}. */
    public static Optional<AppendResult> resolveRetry(
            SqlDialect dialect, PreparedStatement byId, String stream, List<EventData> events) throws SQLException {
        var stored = new ArrayList<Optional<RecordedEvent>>(events.size());
        for (EventData event : events) {
            stored.add(find(dialect, byId, event.eventId()));
        }
        return AppendChecks.resolveRetry(stream, events, stored);
    }
}

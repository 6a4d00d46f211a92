package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamName;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.append.PendingAppend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a group of one append of one event, the lone writer's group, in one round trip that commits.
 *
 * <p>The common case (a stream with events, an expected version other than "no stream", an event type whose
 * key this process has seen committed) goes as plain statements, sent together in auto-commit so that they
 * run in one implicit transaction that the server commits when it reaches their end: the append lock, then
 * one {@code INSERT ... SELECT} that reads the head and the stream's last version, checks the stream is live
 * and at the expected version, writes the event and queues the notification. The lock is a statement of its
 * own so that the insert's snapshot (READ COMMITTED) sees every commit the lock waited for. This is
 * {@code append_one_event}'s fast path without the PL/pgSQL call around it (docs/adr/0041, "the fast path
 * as plain statements").
 *
 * <p>An append the insert did not write (a refusal, a deleted or empty stream: its transaction committed
 * nothing but the lock) goes on to the schema's {@code append_one_event} function (migration V12), whose rules
 * decide it, and so does every append the fast path does not take. Both fail as {@link GroupCall} does
 * (SQLSTATE {@value GroupCall#MAY_BE_RETRY} or a unique violation, having written nothing) when the append
 * must take the long way.
 */
final class EventCall {

    private final PostgresDialect dialect;
    private final PostgresAppender types;
    private final String sql;
    /** The fast path's statements for an exact expected version. */
    private final String fastAtVersion;
    /** The fast path's statements for "any version" and "the stream exists". */
    private final String fastAnyVersion;

    /** Calls the function in {@code dialect}'s schema, with the event type keys {@code types} knows. */
    EventCall(PostgresDialect dialect, PostgresAppender types) {
        this.dialect = dialect;
        this.types = types;
        String schema = dialect.schema();
        this.sql = "SELECT " + schema + ".append_one_event(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        // Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
        String insert = "SELECT pg_advisory_xact_lock(?, ?); "
                + "WITH written AS (INSERT INTO " + schema + ".events (position, stream_id, stream_version,"
                + " event_id, type_id, schema_version, payload, metadata, recorded_at)"
                + " SELECT COALESCE(last.position, 0) + 1, s.stream_id, v.stream_version + 1, ?, ?, ?, ?, ?,"
                + " GREATEST(COALESCE(last.recorded_at, 0), ?)"
                + " FROM " + schema + ".streams s"
                + " JOIN LATERAL (SELECT e.stream_version FROM " + schema + ".events e"
                + " WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1) v ON true"
                + " LEFT JOIN (SELECT e.position, e.recorded_at FROM " + schema + ".events e"
                + " ORDER BY e.position DESC LIMIT 1) last ON true"
                + " WHERE s.name = ? AND s.deleted = 0";
        String notify = " RETURNING position, stream_version)"
                + " SELECT position, stream_version, pg_notify(?, position::TEXT) FROM written";
        this.fastAtVersion = insert + " AND v.stream_version = ?" + notify;
        this.fastAnyVersion = insert + notify;
    }

    /** Whether {@code group} is one append of one event, which this call writes. */
    static boolean fits(List<PendingAppend> group) {
        return group.size() == 1 && group.getFirst().events().size() == 1;
    }

    /**
     * Writes {@code append}, one event, on {@code connection}, which must be in auto-commit so that the call
     * commits.
     *
     * @return its {@link dev.annals.store.AppendResult}, or the {@link RuntimeException} refusing it
     */
    Object write(Connection connection, PendingAppend append) throws SQLException {
        EventData event = append.events().getFirst();
        // 0 asks the function to look the type up (or create it): it is new to this process.
        long typeKey = types.committedTypeKey(event.type());
        if (typeKey != 0 && !(append.expected() instanceof ExpectedVersion.NoStream)) {
            var written = writeFast(connection, append, event, typeKey);
            if (written != null) {
                return written;
            }
        }
        return callFunction(connection, append, event, typeKey);
    }

    /** The fast path's result, or null when it wrote nothing and the function must decide. */
    private AppendResult writeFast(Connection connection, PendingAppend append, EventData event, long typeKey)
            throws SQLException {
        boolean atVersion = append.expected() instanceof ExpectedVersion.Exact;
        try (var statements = connection.prepareStatement(atVersion ? fastAtVersion : fastAnyVersion)) {
            statements.setInt(1, PostgresAppender.LOCK_CLASS);
            statements.setInt(2, dialect.schema().hashCode());
            statements.setObject(3, event.eventId());
            statements.setLong(4, typeKey);
            statements.setInt(5, event.schemaVersion());
            statements.setBytes(6, event.payload());
            PostgresAppender.bindMetadata(statements, 7, event);
            statements.setLong(8, EventRows.microsOf(Instant.now()));
            statements.setString(9, append.stream());
            int next = 10;
            if (atVersion) {
                statements.setLong(next++, ((ExpectedVersion.Exact) append.expected()).version());
            }
            statements.setString(next, dialect.channel());
            statements.execute(); // the lock's result first
            statements.getMoreResults();
            try (var row = statements.getResultSet()) {
                return row.next() ? new AppendResult(row.getLong(2), row.getLong(1)) : null;
            }
        }
    }

    private Object callFunction(Connection connection, PendingAppend append, EventData event, long typeKey)
            throws SQLException {
        try (var call = connection.prepareStatement(sql)) {
            call.setInt(1, PostgresAppender.LOCK_CLASS);
            call.setInt(2, dialect.schema().hashCode());
            call.setString(3, dialect.channel());
            call.setLong(4, EventRows.microsOf(Instant.now()));
            call.setString(5, append.stream());
            call.setString(6, StreamName.categoryOf(append.stream()));
            call.setLong(7, GroupCall.code(append.expected()));
            call.setObject(8, event.eventId());
            call.setString(9, event.type());
            call.setLong(10, typeKey);
            call.setInt(11, event.schemaVersion());
            call.setBytes(12, event.payload());
            PostgresAppender.bindMetadata(call, 13, event);
            try (var row = call.executeQuery()) {
                row.next();
                // {outcome, version, position, type key}
                var answer = (Long[]) row.getArray(1).getArray();
                long used = answer[3];
                if (typeKey == 0 && used > 0) {
                    // The call committed before it answered.
                    types.typeCommitted(event.type(), used);
                }
                return GroupCall.outcome(append, answer[0].intValue(), answer[1], answer[2]);
            }
        }
    }
}

package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.event.MetadataJson;
import dev.annals.store.StreamName;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.append.PendingAppend;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes a group of one append of one event, the lone writer's group, in one call of the schema's
 * {@code append_one_event} function (migration V12, docs/adr/0041): {@code append_group}'s rules with scalar
 * arguments, so that no array is built, sent, parsed or unnested for one event, and a fast path of one
 * statement when the stream is live and the expected version matches. It is called in the select list and
 * answers with one array (outcome, version, position, type key), which costs the server less than a row
 * source with a row type of out parameters. It fails as
 * {@link GroupCall} does (SQLSTATE {@value GroupCall#MAY_BE_RETRY} or a unique violation, having written
 * nothing) when the append must take the long way.
 */
final class EventCall {

    private final PostgresDialect dialect;
    private final PostgresAppender types;
    private final String sql;

    /** Calls the function in {@code dialect}'s schema, with the event type keys {@code types} knows. */
    EventCall(PostgresDialect dialect, PostgresAppender types) {
        this.dialect = dialect;
        this.types = types;
        this.sql = "SELECT " + dialect.schema() + ".append_one_event(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
            if (event.metadata().isEmpty()) {
                call.setNull(13, Types.BINARY);
            } else {
                call.setBytes(13, MetadataJson.encode(event.metadata()));
            }
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

package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.VersionRefusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes a whole group of appends in the open, locked transaction with a handful of round trips: the head
 * and the state of every stream of the group are read with the lock in one round trip, positions and versions are assigned
 * in memory in the group's order, and the new streams, revived streams and events go to the database in
 * one batch each. Appending one event at a time, per-append round trips had been what limited PostgreSQL
 * (two per append inside the lock, docs/benchmarks.md). Since docs/adr/0041 it is the long way, for the
 * groups that the schema's append function hands back: an append in them may be an exact retry.
 *
 * <p>An append whose expected version does not match may be an exact retry of an append of this very
 * group, so the rows gathered so far are written before its ids are looked up. A unique violation (an id
 * stored already) fails the whole group with its {@link SQLException}: the caller rolls back and writes the
 * group again one append at a time, which resolves it.
 */
final class GroupWriter {

    private final PostgresDialect dialect;
    private final PostgresAppender appender;

    GroupWriter(PostgresDialect dialect, PostgresAppender appender) {
        this.dialect = dialect;
        this.appender = appender;
    }

    /** A stream as this group sees it: its key, last version and deletion state. */
    private static final class Stream {
        long key;
        long version;
        StreamMarks.State state;

        Stream(long key, long version, StreamMarks.State state) {
            this.key = key;
            this.version = version;
            this.state = state;
        }
    }

    /**
     * Takes the append lock and writes {@code group} in the open transaction of {@code connection}.
     *
     * @return each append's outcome, in order: its {@link AppendResult}, or the {@link RuntimeException}
     *     refusing it
     */
    Object[] write(Connection connection, List<PendingAppend> group) throws SQLException {
        var outcomes = new Object[group.size()];
        var streams = new HashMap<String, Stream>();
        long[] head = lockAndRead(connection, group, streams);
        long position = head[0];
        // Never earlier than the last event, so recorded-at times follow positions even if clocks step back.
        long recordedAt = Math.max(head[1], EventRows.microsOf(Instant.now()));
        long nextKey = 0;
        try (var newStreams = connection.prepareStatement(dialect.insertStream());
                var revived = connection.prepareStatement(
                        "UPDATE " + dialect.schema() + ".streams SET deleted = 0 WHERE stream_id = ?");
                var events = connection.prepareStatement(dialect.insertEvent())) {
            var rows = new Rows(newStreams, revived, events);
            for (int i = 0; i < group.size(); i++) {
                var append = group.get(i);
                var stream = streams.get(append.stream());
                try {
                    long actual = StreamMarks.versionForAppend(
                            append.stream(),
                            stream == null ? StreamInfo.NO_STREAM : stream.version,
                            stream == null ? StreamMarks.State.LIVE : stream.state);
                    if (!append.expected().accepts(actual)) {
                        rows.flush();
                        outcomes[i] = StoredEvents.resolveRetry(dialect, connection, append.stream(), append.events())
                                .orElseThrow(() -> new VersionRefusal(append.stream(), append.expected(), actual));
                        continue;
                    }
                } catch (RuntimeException refused) {
                    outcomes[i] = refused;
                    continue;
                }
                if (stream == null) {
                    nextKey = nextKey == 0 ? appender.lastStreamKey(connection) + 1 : nextKey + 1;
                    stream = new Stream(nextKey, StreamInfo.NO_STREAM, StreamMarks.State.LIVE);
                    streams.put(append.stream(), stream);
                    newStreams.setLong(1, nextKey);
                    newStreams.setString(2, append.stream());
                    newStreams.setString(3, StreamName.categoryOf(append.stream()));
                    newStreams.addBatch();
                    rows.newStreamRows++;
                } else if (stream.state != StreamMarks.State.LIVE) {
                    // A soft-deleted stream lives again; its old events stay hidden behind truncate_before.
                    stream.state = StreamMarks.State.LIVE;
                    revived.setLong(1, stream.key);
                    revived.addBatch();
                    rows.revivedRows++;
                }
                for (EventData event : append.events()) {
                    appender.addEvent(connection, events, ++position, stream.key, ++stream.version, event, recordedAt);
                    rows.eventRows++;
                }
                outcomes[i] = new AppendResult(stream.version, position);
            }
            rows.flush();
        }
        return outcomes;
    }

    /** The statements' batches not yet sent, sent in an order the next query can rely on. */
    private static final class Rows {
        final PreparedStatement newStreams;
        final PreparedStatement revived;
        final PreparedStatement events;
        int newStreamRows;
        int revivedRows;
        int eventRows;

        Rows(PreparedStatement newStreams, PreparedStatement revived, PreparedStatement events) {
            this.newStreams = newStreams;
            this.revived = revived;
            this.events = events;
        }

        void flush() throws SQLException {
            if (newStreamRows > 0) {
                newStreams.executeBatch();
                newStreamRows = 0;
            }
            if (revivedRows > 0) {
                revived.executeBatch();
                revivedRows = 0;
            }
            if (eventRows > 0) {
                events.executeBatch();
                eventRows = 0;
            }
        }
    }

    /**
     * Takes the append lock, then reads the state of every stream of {@code group} into {@code streams} and
     * returns the last event's position and recorded-at time (0 and 0 for an empty log): one round trip
     * where three statements one by one cost three.
     */
    private long[] lockAndRead(Connection connection, List<PendingAppend> group, Map<String, Stream> streams)
            throws SQLException {
        var names = new LinkedHashSet<String>();
        group.forEach(append -> names.add(append.stream()));
        String schema = dialect.schema();
        try (var select = appender.lockThen(
                connection,
                "SELECT s.name, s.stream_id, (SELECT MAX(e.stream_version) FROM " + schema
                        + ".events e WHERE e.stream_id = s.stream_id), s.deleted FROM " + schema
                        + ".streams s WHERE s.name = ANY(?); SELECT position, recorded_at FROM " + schema
                        + ".events ORDER BY position DESC LIMIT 1")) {
            select.setArray(3, connection.createArrayOf("text", names.toArray()));
            select.execute();
            select.getMoreResults();
            try (var rows = select.getResultSet()) {
                while (rows.next()) {
                    long version = rows.getLong(3);
                    if (rows.wasNull()) {
                        version = StreamInfo.NO_STREAM;
                    }
                    streams.put(
                            rows.getString(1),
                            new Stream(rows.getLong(2), version, StreamMarks.State.ofCode(rows.getInt(4))));
                }
            }
            select.getMoreResults();
            try (var row = select.getResultSet()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : new long[] {0, 0};
            }
        }
    }
}

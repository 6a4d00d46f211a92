package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.event.MetadataJson;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamName;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.VersionRefusal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a whole group in one call of the schema's {@code append_group} function (migrations V7 to V9, V11 and
 * V13, docs/adr/0041; a group of one event goes to {@link EventCall} instead): lock, checks, inserts and
 * notification in one statement, so that in auto-commit one group costs one round trip, its commit included.
 * Appends that repeat an earlier racer of the group are not sent, only their ids ({@link RepeatedRacers}).
 *
 * <p>The function leaves two rare cases to the long way, {@link GroupWriter} in a transaction of the
 * caller's: an append that may be an exact retry (its version does not match but an id of it is stored;
 * SQLSTATE {@value #MAY_BE_RETRY}) and an accepted append that reuses a stored id (a unique violation).
 * Either way the call failed as a whole and wrote nothing.
 */
final class GroupCall {

    /** The SQLSTATE of a call that met an append that may be an exact retry. */
    static final String MAY_BE_RETRY = "AN001";

    private static final int WRITTEN = 0;
    private static final int WRONG_VERSION = 1;

    private final PostgresDialect dialect;
    private final PostgresAppender types;
    private final String sql;
    private final String sqlWithRepeated;

    /** Calls the function in {@code dialect}'s schema, with the event type keys {@code types} knows. */
    GroupCall(PostgresDialect dialect, PostgresAppender types) {
        this.dialect = dialect;
        this.types = types;
        this.sql = "SELECT outcomes, versions, positions, type_keys FROM " + dialect.schema()
                + ".append_group(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.sqlWithRepeated = sql.replace("?)", "?, ?)");
    }

    /**
     * Writes {@code group} on {@code connection}, which must be in auto-commit so that the call commits.
     *
     * @return each append's outcome, in order: its {@link AppendResult}, or the {@link RuntimeException}
     *     refusing it
     */
    Object[] write(Connection connection, List<PendingAppend> group) throws SQLException {
        int[] repeats = RepeatedRacers.of(group);
        var sent = new ArrayList<PendingAppend>(group.size());
        var repeatedIds = new ArrayList<UUID>();
        for (int i = 0; i < repeats.length; i++) {
            if (repeats[i] < 0) {
                sent.add(group.get(i));
            } else {
                group.get(i).events().forEach(event -> repeatedIds.add(event.eventId()));
            }
        }
        var sentOutcomes = call(connection, sent, repeatedIds);
        if (repeatedIds.isEmpty()) {
            return sentOutcomes;
        }
        var outcomes = new Object[group.size()];
        for (int i = 0, s = 0; i < outcomes.length; i++) {
            outcomes[i] = repeats[i] < 0 ? sentOutcomes[s++] : null;
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (repeats[i] >= 0) {
                outcomes[i] = RepeatedRacers.outcome(group.get(i), outcomes[repeats[i]]);
            }
        }
        return outcomes;
    }

    /** Calls the function for {@code group}, with {@code repeatedIds} to check when there are any. */
    private Object[] call(Connection connection, List<PendingAppend> group, List<UUID> repeatedIds)
            throws SQLException {
        int appends = group.size();
        var streams = new String[appends];
        var categories = new String[appends];
        var expected = new Long[appends];
        var counts = new Integer[appends];
        int events = 0;
        for (int i = 0; i < appends; i++) {
            var append = group.get(i);
            streams[i] = append.stream();
            categories[i] = StreamName.categoryOf(append.stream());
            expected[i] = code(append.expected());
            counts[i] = append.events().size();
            events += counts[i];
        }
        var eventAppends = new Integer[events];
        var ids = new UUID[events];
        var typeNames = new String[events];
        var typeKeys = new Long[events];
        var schemaVersions = new Integer[events];
        var payloads = new byte[events][];
        var metadatas = new byte[events][];
        int n = 0;
        for (int i = 0; i < appends; i++) {
            for (EventData event : group.get(i).events()) {
                eventAppends[n] = i + 1;
                ids[n] = event.eventId();
                typeNames[n] = event.type();
                // 0 asks the function to look the type up (or create it): it is new to this process.
                typeKeys[n] = types.committedTypeKey(event.type());
                schemaVersions[n] = event.schemaVersion();
                payloads[n] = event.payload();
                metadatas[n] = event.metadata().isEmpty() ? null : MetadataJson.encode(event.metadata());
                n++;
            }
        }
        try (var call = connection.prepareStatement(repeatedIds.isEmpty() ? sql : sqlWithRepeated)) {
            call.setInt(1, PostgresAppender.LOCK_CLASS);
            call.setInt(2, dialect.schema().hashCode());
            call.setString(3, dialect.channel());
            call.setLong(4, EventRows.microsOf(Instant.now()));
            call.setArray(5, connection.createArrayOf("text", streams));
            call.setArray(6, connection.createArrayOf("text", categories));
            call.setArray(7, connection.createArrayOf("bigint", expected));
            call.setArray(8, connection.createArrayOf("integer", counts));
            call.setArray(9, connection.createArrayOf("integer", eventAppends));
            call.setArray(10, connection.createArrayOf("uuid", ids));
            call.setArray(11, connection.createArrayOf("text", typeNames));
            call.setArray(12, connection.createArrayOf("bigint", typeKeys));
            call.setArray(13, connection.createArrayOf("integer", schemaVersions));
            call.setArray(14, connection.createArrayOf("bytea", payloads));
            call.setArray(15, connection.createArrayOf("bytea", metadatas));
            if (!repeatedIds.isEmpty()) {
                call.setArray(16, connection.createArrayOf("uuid", repeatedIds.toArray()));
            }
            try (var row = call.executeQuery()) {
                row.next();
                var outcomes = outcomes(group, row.getArray(1), row.getArray(2), row.getArray(3));
                learn(typeNames, typeKeys, (Long[]) row.getArray(4).getArray());
                return outcomes;
            }
        }
    }

    private static Object[] outcomes(List<PendingAppend> group, Array codes, Array versions, Array positions)
            throws SQLException {
        var code = (Integer[]) codes.getArray();
        var version = (Long[]) versions.getArray();
        var position = (Long[]) positions.getArray();
        var outcomes = new Object[group.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = outcome(group.get(i), code[i], version[i], position[i]);
        }
        return outcomes;
    }

    /**
     * The outcome of {@code append} that the function answered with {@code code}: its {@link AppendResult}
     * (written), or the {@link RuntimeException} refusing it ({@code version} is then the actual one).
     */
    static Object outcome(PendingAppend append, int code, long version, long position) {
        return switch (code) {
            case WRITTEN -> new AppendResult(version, position);
            case WRONG_VERSION -> new VersionRefusal(append.stream(), append.expected(), version);
            default -> new StreamDeletedException(append.stream());
        };
    }

    /** Remembers the keys the call looked up or created: it committed before it answered. */
    private void learn(String[] typeNames, Long[] given, Long[] used) {
        for (int i = 0; i < typeNames.length; i++) {
            if (given[i] == 0 && used[i] != null && used[i] > 0) {
                types.typeCommitted(typeNames[i], used[i]);
            }
        }
    }

    /** The function's code for {@code expected}: the version itself, or -1, -2, -3 for the other kinds. */
    static long code(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.Exact exact -> exact.version();
            case ExpectedVersion.NoStream noStream -> -1;
            case ExpectedVersion.Any any -> -2;
            case ExpectedVersion.StreamExists exists -> -3;
        };
    }
}

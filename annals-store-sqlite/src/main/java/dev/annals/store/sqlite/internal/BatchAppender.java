package dev.annals.store.sqlite.internal;

import dev.annals.audit.EventHash;
import dev.annals.event.EventData;
import dev.annals.event.MetadataJson;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.EventRows;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.StreamMarksRows;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.StreamChange;
import dev.annals.store.jdbc.append.VersionRefusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the appends of one group commit inside the writer's open transaction, each under its own
 * savepoint: an append that fails (wrong expected version, conflicting ids) is rolled back alone and
 * the others in the batch go on.
 *
 * <p>Positions, stream keys and versions come from {@link WriterState} rather than from queries, and the
 * statements are prepared once and reused; both matter for throughput.
 */
final class BatchAppender implements AutoCloseable {

    /** Seals written by one multi-row insert: one statement step instead of one per event. */
    private static final int SEALS_PER_INSERT = 32;
    /**
     * Events written by one multi-row insert, for the same reason: a 100-event append cost the writer about
     * 20% less CPU than with one statement per event (8.3 to 6.6 µs an event); 32 or 100 rows saved no more.
     */
    private static final int EVENTS_PER_INSERT = 16;

    private final SqlDialect dialect;
    private final Connection connection;
    private final WriterState state;
    private final TailPositions tailPositions;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollbackTo;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertEvents;
    /** {@link #insertEvents} for rows that differ only in their id and payload (see {@link #uniformRows}). */
    private final PreparedStatement insertUniformEvents;

    private final PreparedStatement insertStream;
    /** {@link #insertStream} that writes nothing when the name is taken; see {@link #createIfNew}. */
    private final PreparedStatement insertStreamIfNew;

    private final PreparedStatement deleteStream;
    private final PreparedStatement insertType;
    private final PreparedStatement selectStreamState;
    private final PreparedStatement insertHash;
    private final PreparedStatement insertHashes;
    /** Looks up the event ids of an append whose insert hit the unique index, or of a refused exact retry. */
    private final PreparedStatement selectById;
    /** The appends refused for their expected version, whose ids are looked up once per group. */
    private final RefusedAppends refused;
    /** The hashes of this transaction's events, written in one batch just before it commits. */
    private final List<Long> pendingPositions = new ArrayList<>();

    private final List<byte[]> pendingHashes = new ArrayList<>();
    private boolean savepointOpen;
    /** The key of the new stream whose row this append wrote without a savepoint, or -1; see {@link #undoNewStream}. */
    private long unsavedStream = -1;

    public BatchAppender(SqlDialect dialect, Connection connection, WriterState state, TailPositions tailPositions)
            throws SQLException {
        this.dialect = dialect;
        this.connection = connection;
        this.state = state;
        this.tailPositions = tailPositions;
        this.savepoint = connection.prepareStatement("SAVEPOINT append");
        this.release = connection.prepareStatement("RELEASE append");
        this.rollbackTo = connection.prepareStatement("ROLLBACK TO append");
        this.insertEvent = connection.prepareStatement(dialect.insertEvent());
        this.insertEvents = connection.prepareStatement(
                dialect.insertEvent() + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(EVENTS_PER_INSERT - 1));
        this.insertUniformEvents = connection.prepareStatement(uniformRows(dialect));
        this.insertStream = connection.prepareStatement(dialect.insertStream());
        this.insertStreamIfNew = connection.prepareStatement(
                "INSERT OR IGNORE INTO streams(stream_id, name, category) VALUES (?, ?, ?)");
        this.deleteStream = connection.prepareStatement("DELETE FROM streams WHERE stream_id = ?");
        this.insertType = connection.prepareStatement(dialect.insertEventType());
        // Kept: every append to a stream the writer does not know yet asks for it, and preparing this query
        // took longer than running it.
        this.selectStreamState = connection.prepareStatement(StreamIndex.selectStreamStateUpTo());
        this.insertHash = connection.prepareStatement("INSERT INTO event_hashes(position, hash) VALUES (?, ?)");
        this.insertHashes = connection.prepareStatement(consecutiveSeals());
        this.selectById = connection.prepareStatement(dialect.selectByEventId());
        this.refused = new RefusedAppends(dialect, connection, selectById);
    }

    /**
     * Writes one append, or nothing of it.
     *
     * @param recordedAt microseconds since the epoch to stamp its events with
     * @return its result, or the original result of an exact retry
     * @throws EventStoreException (a subclass) when the append is refused; the batch goes on
     * @throws SQLException        when the database failed; the whole transaction must be rolled back
     */
    public AppendResult append(PendingAppend append, long recordedAt) throws SQLException {
        long positionBefore = state.nextPosition();
        long streamKeyBefore = state.nextStreamKey();
        long typeKeyBefore = state.nextTypeKey();
        byte[] hashBefore = state.lastHash();
        int sealsBefore = pendingHashes.size();
        savepointOpen = false;
        unsavedStream = -1;
        try {
            var result = write(append, recordedAt);
            if (savepointOpen) {
                release.execute();
            }
            if (state.nextPosition() == positionBefore) {
                // An exact retry wrote nothing: hand out its stream and type keys again.
                state.nextStreamKey(streamKeyBefore);
                state.nextTypeKey(typeKeyBefore);
            }
            return result;
        } catch (RuntimeException refused) {
            if (savepointOpen) {
                rollbackTo.execute();
                release.execute();
            } else {
                undoNewStream();
            }
            state.nextPosition(positionBefore);
            state.nextStreamKey(streamKeyBefore);
            state.nextTypeKey(typeKeyBefore);
            state.lastHash(hashBefore);
            dropSealsFrom(sealsBefore);
            throw refused;
        }
    }

    /**
     * Opens this append's savepoint unless it writes a single event: SQLite undoes a failed statement on its
     * own, so a one-row append needs none, and skipping it saves two statements on the most common path. A
     * single event to a new stream writes the stream's row too, and needs none either: when the event's
     * insert is refused, the one row before it is deleted again ({@link #undoNewStream}), and any other
     * failure gives up the whole transaction.
     */
    private void savepointIfSeveralRows(PendingAppend append, boolean revived) throws SQLException {
        boolean severalRows = revived
                || append.events().size() > 1
                || state.typeKey(append.events().getFirst().type()).isEmpty();
        if (severalRows) {
            savepoint.execute();
            savepointOpen = true;
        }
    }

    private AppendResult write(PendingAppend append, long recordedAt) throws SQLException {
        if (append.change().isPresent()) {
            return change(append.stream(), append.change().get());
        }
        String stream = append.stream();
        long created = createIfNew(append);
        var known = created >= 0
                ? Optional.<WriterState.StreamKey>empty()
                : state.stream(selectStreamState, stream, tailPositions.end(stream));
        long actual = known.isEmpty()
                ? StreamInfo.NO_STREAM
                : StreamMarks.versionForAppend(
                        stream, known.get().version(), known.get().state());
        if (!append.expected().accepts(actual)) {
            // A retry after the stream moved on must still succeed: its ids are looked up with the group's
            // other refusals before the commit (settleRefusals), which may still acknowledge it.
            refused.refusedByVersion(append);
            throw new VersionRefusal(stream, append.expected(), actual);
        }
        boolean revived = known.isPresent() && known.get().state() != StreamMarks.State.LIVE;
        savepointIfSeveralRows(append, revived);
        long streamKey = known.isPresent() ? known.get().id() : created >= 0 ? created : newStream(stream);
        Map<String, Long> newTypes = null;
        long version = known.map(WriterState.StreamKey::version).orElse(StreamInfo.NO_STREAM);
        long position = state.nextPosition();
        byte[] hashBefore = state.lastHash();
        int sealsBefore = pendingHashes.size();
        var events = append.events();
        var typeKeys = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            EventData event = events.get(i);
            var typeKey = state.typeKey(event.type()).orElse(newTypes == null ? null : newTypes.get(event.type()));
            if (typeKey == null) {
                typeKey = newType(event.type());
                newTypes = newTypes == null ? new HashMap<>() : newTypes;
                newTypes.put(event.type(), typeKey);
            }
            typeKeys[i] = typeKey;
            seal(new RecordedEvent(
                    stream,
                    version + 1 + i,
                    position + i,
                    event.eventId(),
                    event.type(),
                    event.schemaVersion(),
                    event.payload(),
                    event.metadata(),
                    EventRows.instantOfMicros(recordedAt)));
        }
        try {
            insert(events, typeKeys, position, streamKey, version + 1, recordedAt);
        } catch (SQLException e) {
            if (!dialect.isUniqueViolation(e)) {
                throw e;
            }
            state.lastHash(hashBefore);
            dropSealsFrom(sealsBefore);
            return resolveStoredIds(append, e);
        }
        version += events.size();
        position += events.size();
        if (revived) {
            // A soft-deleted stream lives again; its old events stay hidden behind truncate_before.
            try (var update = connection.prepareStatement("UPDATE streams SET deleted = 0 WHERE stream_id = ?")) {
                update.setLong(1, streamKey);
                update.executeUpdate();
            }
        }
        state.nextPosition(position);
        state.streamWritten(stream, new WriterState.StreamKey(streamKey, version, StreamMarks.State.LIVE));
        tailPositions.written(stream, position - 1);
        if (newTypes != null) {
            state.typesWritten(newTypes);
        }
        return new AppendResult(version, position - 1);
    }

    /**
     * Writes the row of the stream of an append that expects no stream, or expects nothing, before looking the
     * stream up, when the writer does not hold it in memory and the append writes one event of a known type (so
     * that it needs no savepoint): such a stream is nearly always new (an HTTP client that appends without an
     * expected version to a stream the writer has not seen is most often creating it), and the look-up of a
     * stream that is not there was about a sixth of the writer's CPU for single-event appends that each create
     * a stream. When the name is taken the insert writes nothing ({@code INSERT OR IGNORE}), and the append
     * goes the usual way: look-up, then the version check. A plain insert refused with an error instead had
     * made an append to an existing stream the writer did not hold cost the writer twice as much (30–36 µs
     * against 19: the refused statement and the exception the driver builds for it).
     *
     * @return the new stream's key, or -1 when nothing was written
     */
    private long createIfNew(PendingAppend append) throws SQLException {
        if ((append.expected() != ExpectedVersion.noStream() && append.expected() != ExpectedVersion.any())
                || append.events().size() != 1
                || state.typeKey(append.events().getFirst().type()).isEmpty()
                || state.holds(append.stream())) {
            return -1;
        }
        return newStream(append.stream(), insertStreamIfNew);
    }

    private AppendResult change(String stream, StreamChange change) throws SQLException {
        savepoint.execute();
        savepointOpen = true;
        var applied = StreamMarksRows.apply(dialect, connection, stream, change.rule());
        try (var drop = connection.prepareStatement("DELETE FROM snapshots WHERE stream = ?")) {
            // A snapshot may hold state folded from events now hidden: the next load folds what is readable.
            drop.setString(1, stream);
            drop.executeUpdate();
        }
        state.streamWritten(
                stream,
                new WriterState.StreamKey(
                        applied.streamId(),
                        applied.marks().lastVersion(),
                        applied.marks().state()));
        change.result().set(applied.result());
        return new AppendResult(applied.marks().lastVersion(), state.nextPosition() - 1);
    }

    private AppendResult resolveStoredIds(PendingAppend append, SQLException violation) throws SQLException {
        // Undo this append's rows first, so the look-up sees only what other appends stored.
        if (savepointOpen) {
            rollbackTo.execute();
        } else {
            undoNewStream();
        }
        var retry = StoredEvents.resolveRetry(dialect, selectById, append.stream(), append.events());
        return retry.orElseThrow(() -> new EventStoreException(
                "append to stream '" + append.stream()
                        + "' hit a unique constraint that no stored event id explains (the details are in the server's log)",
                violation));
    }

    /**
     * Seals {@code event} in the audit trail's hash chain: its hash is kept until {@link #writeSeals()} writes
     * it in the same transaction, or dropped with the append when that is refused.
     */
    private void seal(RecordedEvent event) {
        byte[] hash = EventHash.chain(state.lastHash(), event);
        pendingPositions.add(event.position());
        pendingHashes.add(hash);
        state.lastHash(hash);
    }

    /**
     * Looks up the event ids of the appends refused for their expected version in this transaction, and answers
     * each that is an exact retry of a stored append with its original result; call before the seals and the
     * commit. See {@link RefusedAppends#settle}.
     *
     * @param firstPosition the position the transaction's first event took (or would have)
     */
    public void settleRefusals(List<PendingAppend> batch, Object[] outcomes, long firstPosition) throws SQLException {
        refused.settle(batch, outcomes, firstPosition);
    }

    /** Forgets the hashes and refusals not yet settled: their transaction failed. */
    public void discardSeals() {
        dropSealsFrom(0);
        refused.discard();
    }

    private void dropSealsFrom(int size) {
        pendingPositions.subList(size, pendingPositions.size()).clear();
        pendingHashes.subList(size, pendingHashes.size()).clear();
    }

    /**
     * Writes the hashes of this transaction's events in one batch; call just before COMMIT. A second row per
     * event needs no savepoint: it cannot fail where the event's own row succeeded but through the database
     * failing, which rolls the whole batch back.
     */
    public void writeSeals() throws SQLException {
        try {
            int i = 0;
            for (; i + SEALS_PER_INSERT <= pendingHashes.size() && consecutive(i); i += SEALS_PER_INSERT) {
                insertHashes.setLong(1, pendingPositions.get(i));
                for (int k = 0; k < SEALS_PER_INSERT; k++) {
                    insertHashes.setBytes(k + 2, pendingHashes.get(i + k));
                }
                insertHashes.executeUpdate();
            }
            for (int rest = i; rest < pendingHashes.size(); rest++) {
                insertHash.setLong(1, pendingPositions.get(rest));
                insertHash.setBytes(2, pendingHashes.get(rest));
                insertHash.addBatch();
            }
            if (i < pendingHashes.size()) {
                insertHash.executeBatch();
            }
        } finally {
            dropSealsFrom(0);
        }
    }

    /**
     * {@value #SEALS_PER_INSERT} seals at consecutive positions from {@code ?1}: one bound parameter a row
     * besides the first position, as in {@link #uniformRows}.
     */
    private static String consecutiveSeals() {
        var sql = new StringBuilder("INSERT INTO event_hashes(position, hash) VALUES (?1, ?2)");
        for (int k = 1; k < SEALS_PER_INSERT; k++) {
            sql.append(", (?1 + ").append(k).append(", ?").append(k + 2).append(')');
        }
        return sql.toString();
    }

    /**
     * Whether the {@value #SEALS_PER_INSERT} seals from {@code from} are at consecutive positions, as a
     * transaction's are: its appends take positions in turn, and a refused one gives its own back.
     */
    private boolean consecutive(int from) {
        long first = pendingPositions.get(from);
        for (int k = 1; k < SEALS_PER_INSERT; k++) {
            if (pendingPositions.get(from + k) != first + k) {
                return false;
            }
        }
        return true;
    }

    /**
     * Inserts {@code events} from {@code position} and {@code version} on: {@value #EVENTS_PER_INSERT} rows
     * per statement while that many are left, one row per statement for the rest.
     */
    private void insert(
            List<EventData> events, long[] typeKeys, long position, long streamKey, long version, long recordedAt)
            throws SQLException {
        int i = 0;
        for (; i + EVENTS_PER_INSERT <= events.size(); i += EVENTS_PER_INSERT) {
            if (uniform(events, typeKeys, i)) {
                insertUniformEvents.setLong(1, position + i);
                insertUniformEvents.setLong(2, streamKey);
                insertUniformEvents.setLong(3, version + i);
                insertUniformEvents.setLong(4, typeKeys[i]);
                insertUniformEvents.setInt(5, events.get(i).schemaVersion());
                insertUniformEvents.setLong(6, recordedAt);
                for (int k = 0; k < EVENTS_PER_INSERT; k++) {
                    dialect.bindEventId(
                            insertUniformEvents,
                            UNIFORM_SHARED + 2 * k + 1,
                            events.get(i + k).eventId());
                    insertUniformEvents.setBytes(
                            UNIFORM_SHARED + 2 * k + 2, events.get(i + k).payload());
                }
                insertUniformEvents.executeUpdate();
                continue;
            }
            for (int k = 0; k < EVENTS_PER_INSERT; k++) {
                bind(
                        insertEvents,
                        9 * k,
                        events.get(i + k),
                        position + i + k,
                        streamKey,
                        version + i + k,
                        typeKeys[i + k],
                        recordedAt);
            }
            insertEvents.executeUpdate();
        }
        for (; i < events.size(); i++) {
            bind(insertEvent, 0, events.get(i), position + i, streamKey, version + i, typeKeys[i], recordedAt);
            insertEvent.executeUpdate();
        }
    }

    /** Parameters that the rows of {@link #insertUniformEvents} share; each row adds its id and payload. */
    private static final int UNIFORM_SHARED = 6;

    /**
     * {@value #EVENTS_PER_INSERT} event rows of one append whose type, schema version and (empty) metadata are
     * the same: positions and versions count up from {@code ?1} and {@code ?3}, the stream key, type key,
     * schema version and time are bound once, so a row costs two bound parameters instead of nine. Each bound
     * parameter is a call into SQLite's native library, which made binding about a fifth of the event row's
     * cost.
     */
    private static String uniformRows(SqlDialect dialect) {
        String insert = dialect.insertEvent();
        var sql = new StringBuilder(insert.substring(0, insert.indexOf("VALUES") + "VALUES".length()));
        for (int k = 0; k < EVENTS_PER_INSERT; k++) {
            int id = UNIFORM_SHARED + 2 * k + 1;
            sql.append(k == 0 ? " " : ", ")
                    .append("(?1 + %d, ?2, ?3 + %d, ?%d, ?4, ?5, ?%d, NULL, ?6)".formatted(k, k, id, id + 1));
        }
        return sql.toString();
    }

    /** Whether the {@value #EVENTS_PER_INSERT} events from {@code from} fit {@link #insertUniformEvents}. */
    private static boolean uniform(List<EventData> events, long[] typeKeys, int from) {
        int schemaVersion = events.get(from).schemaVersion();
        for (int k = from; k < from + EVENTS_PER_INSERT; k++) {
            if (typeKeys[k] != typeKeys[from]
                    || events.get(k).schemaVersion() != schemaVersion
                    || !events.get(k).metadata().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Binds one event's row to the nine parameters after {@code offset}. */
    private void bind(
            PreparedStatement insert,
            int offset,
            EventData event,
            long position,
            long streamKey,
            long version,
            long typeKey,
            long recordedAt)
            throws SQLException {
        insert.setLong(offset + 1, position);
        insert.setLong(offset + 2, streamKey);
        insert.setLong(offset + 3, version);
        dialect.bindEventId(insert, offset + 4, event.eventId());
        insert.setLong(offset + 5, typeKey);
        insert.setInt(offset + 6, event.schemaVersion());
        insert.setBytes(offset + 7, event.payload());
        if (event.metadata().isEmpty()) {
            insert.setNull(offset + 8, java.sql.Types.BLOB);
        } else {
            insert.setBytes(offset + 8, MetadataJson.encode(event.metadata()));
        }
        insert.setLong(offset + 9, recordedAt);
    }

    private long newStream(String stream) throws SQLException {
        return newStream(stream, insertStream);
    }

    /**
     * Writes a new stream's row with {@code insert} ({@link #insertStream}, or {@link #insertStreamIfNew}).
     *
     * @return the stream's key, or -1 when {@code insert} wrote nothing
     */
    private long newStream(String stream, PreparedStatement insert) throws SQLException {
        long key = state.nextStreamKey();
        insert.setLong(1, key);
        insert.setString(2, stream);
        insert.setString(3, StreamName.categoryOf(stream));
        if (insert.executeUpdate() == 0) {
            return -1;
        }
        state.nextStreamKey(key + 1);
        if (!savepointOpen) {
            unsavedStream = key;
        }
        return key;
    }

    /** Deletes the row of a new stream written without a savepoint, when the append that wrote it is refused. */
    private void undoNewStream() throws SQLException {
        if (unsavedStream >= 0) {
            deleteStream.setLong(1, unsavedStream);
            deleteStream.executeUpdate();
            unsavedStream = -1;
        }
    }

    private long newType(String type) throws SQLException {
        long key = state.nextTypeKey();
        insertType.setLong(1, key);
        insertType.setString(2, type);
        insertType.executeUpdate();
        state.nextTypeKey(key + 1);
        return key;
    }

    @Override
    public void close() throws SQLException {
        for (var statement : new PreparedStatement[] {
            savepoint,
            release,
            rollbackTo,
            insertEvent,
            insertEvents,
            insertUniformEvents,
            insertStream,
            insertStreamIfNew,
            deleteStream,
            insertType,
            selectStreamState,
            insertHash,
            insertHashes,
            selectById
        }) {
            statement.close();
        }
        refused.close();
    }
}

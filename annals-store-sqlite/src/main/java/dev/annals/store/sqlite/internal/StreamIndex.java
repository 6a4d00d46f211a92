package dev.annals.store.sqlite.internal;

import dev.annals.store.Direction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite store's stream index, maintained in batches behind the log (docs/adr/0015).
 *
 * <p>Table {@code stream_index(stream_id, stream_version, position)} maps each stream's versions to their
 * global positions, and {@code stream_index_state.indexed_through} names the last position it covers. The
 * events after that position, the <em>tail</em>, are not in it yet: the writer adds them in one sorted
 * insert once there are enough of them, in the same transaction as a group of appends. A commit of 64
 * appends to 64 streams then writes a few pages of the log instead of also one index page per stream,
 * which is what bounded single-event throughput.
 *
 * <p>Every query that finds a stream's events or its version therefore reads two places: the index up to
 * {@code indexed_through}, and a scan of the tail (at most one batch of rows, in position order, cheap).
 * The index and {@code indexed_through} change in one transaction, so every statement sees a split where
 * each event is in exactly one of them.
 */
final class StreamIndex {

    private static final Logger LOG = LoggerFactory.getLogger(StreamIndex.class);

    /** The tail: the events the index does not hold yet. */
    private static final String TAIL = "e.position > (SELECT indexed_through FROM stream_index_state)";

    /**
     * Adds the tail to the index and moves {@code indexed_through} to the head; inside a transaction. For
     * the writer's batches: the entries go in in position order, as the tail is read. Sorting a batch by
     * stream first dirtied the same pages and cost SQLite's sorter a third of the catch-up's time (ADR
     * 0015, amendment of 6 December, midday).
     */
    static final List<String> CATCH_UP = catchUp("");

    /**
     * {@link #CATCH_UP} with the entries sorted by stream, for a tail of any length (the catch-up when the
     * store opens, a bulk write): in key order each stream's leaf pages are filled once, in turn, however
     * much larger than the page cache the tail is.
     */
    static final List<String> CATCH_UP_SORTED = catchUp(" ORDER BY e.stream_id, e.stream_version");

    private static List<String> catchUp(String order) {
        return List.of(
                "INSERT INTO stream_index(stream_id, stream_version, position)"
                        + " SELECT e.stream_id, e.stream_version, e.position FROM events e WHERE " + TAIL + order,
                "UPDATE stream_index_state SET indexed_through = (SELECT COALESCE(MAX(position), 0) FROM events)");
    }

    private StreamIndex() {}

    /**
     * One page of a stream's events, with the columns and parameters of {@code SqlDialect.readPage}: the
     * indexed part merged with the tail's. The indexed part selects {@code i.stream_version}, not the event
     * row's copy, so that SQLite sees it already in index order and merges with LIMIT instead of sorting the
     * rest of the stream for every page. The tail's part walks the log in position order, which within one
     * stream is version order, and stops at the page size: reading a stream's newest event looks at a few
     * rows of the tail, not all of it. The limits are written {@code +?3} so that the statement is compiled
     * once, not at every execution ({@link SqliteDialect#limit}).
     *
     * @param tailPositions whether to end the tail's scan at a fourth parameter, where {@link TailPositions}
     *                      says the stream ends
     */
    static String readStreamPage(Direction direction, boolean tailPositions) {
        boolean forward = direction == Direction.FORWARD;
        String from = forward ? " >= ?2" : " <= ?2";
        String order = forward ? "" : " DESC";
        String names = " JOIN streams s ON s.stream_id = e.stream_id JOIN event_types t ON t.type_id = e.type_id";
        String stream = "(SELECT stream_id FROM streams WHERE name = ?1)";
        return "SELECT e.position, s.name, i.stream_version, e.event_id, t.name, e.schema_version, e.payload,"
                + " e.metadata, e.recorded_at, e.stream_id, e.type_id"
                + " FROM stream_index i JOIN events e ON e.position = i.position" + names
                + " WHERE i.stream_id = " + stream + " AND i.stream_version >= s.truncate_before"
                + " AND i.stream_version" + from
                + " UNION ALL SELECT * FROM ("
                + "SELECT e.position, s.name, e.stream_version, e.event_id, t.name, e.schema_version, e.payload,"
                + " e.metadata, e.recorded_at, e.stream_id, e.type_id FROM events e" + names
                + " WHERE " + TAIL + (tailPositions ? " AND e.position <= ?4" : "")
                + " AND e.stream_id = " + stream + " AND e.stream_version >= s.truncate_before"
                + " AND e.stream_version" + from
                + " ORDER BY e.position" + order + " LIMIT +?3)"
                + " ORDER BY 3" + order + " LIMIT +?3";
    }

    /** {@code SqlDialect.selectStreamState}: the stream's newest version is in the tail if it is there at all. */
    static String selectStreamState() {
        return "SELECT s.stream_id, COALESCE("
                + "(SELECT MAX(e.stream_version) FROM events e WHERE " + TAIL + " AND e.stream_id = s.stream_id),"
                + " (SELECT MAX(i.stream_version) FROM stream_index i WHERE i.stream_id = s.stream_id)),"
                + " s.truncate_before, s.deleted FROM streams s WHERE s.name = ?";
    }

    /**
     * {@link #selectStreamState()} for the writer, which knows from {@link TailPositions} where each stream
     * ends in the tail ({@code ?2}, 0 when it has no event there). The tail is walked down from there and the
     * first row of the stream is its newest: none for a stream the tail does not hold. Without the bound every
     * look-up of a stream the writer did not hold in memory scanned the whole tail, up to a batch of rows: about
     * 40 µs of the writer's time for each append to such a stream, which was then most of the writer's work.
     * A bound left too high by a failed transaction only makes the walk longer.
     */
    static String selectStreamStateUpTo() {
        return "SELECT s.stream_id, COALESCE("
                + "(SELECT e.stream_version FROM events e WHERE " + TAIL
                + " AND e.position <= ?2 AND e.stream_id = s.stream_id ORDER BY e.position DESC LIMIT 1),"
                + " (SELECT MAX(i.stream_version) FROM stream_index i WHERE i.stream_id = s.stream_id)),"
                + " s.truncate_before, s.deleted FROM streams s WHERE s.name = ?1";
    }

    /** {@code SqlDialect.selectStreamsPage}: the tail is scanned once per page and grouped by stream. */
    static String selectStreamsPage() {
        return "WITH tail AS (SELECT e.stream_id, MAX(e.stream_version) AS version, MAX(e.position) AS position"
                + " FROM events e WHERE " + TAIL + " GROUP BY e.stream_id)"
                + " SELECT s.stream_id, s.name, COALESCE(t.version, i.stream_version), COALESCE(t.position, i.position)"
                + " FROM streams s LEFT JOIN tail t ON t.stream_id = s.stream_id"
                + " LEFT JOIN stream_index i ON i.stream_id = s.stream_id AND i.stream_version ="
                + " (SELECT MAX(x.stream_version) FROM stream_index x WHERE x.stream_id = s.stream_id)"
                + " WHERE s.stream_id > ? AND s.deleted = 0 AND COALESCE(t.version, i.stream_version) IS NOT NULL"
                + " ORDER BY s.stream_id LIMIT +?";
    }

    /** The last position the index covers. */
    static long indexedThrough(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT indexed_through FROM stream_index_state")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /**
     * Indexes the whole tail in a transaction of its own; outside a transaction. Run when the store opens,
     * so that the tail holds only what this writer appends (an import or an older Annals may have left a
     * long one).
     */
    static void catchUpAtOpen(Connection connection, Path file) throws SQLException {
        long before = indexedThrough(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : CATCH_UP_SORTED) {
                    statement.execute(sql);
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
        long after = indexedThrough(connection);
        if (after > before) {
            LOG.info("indexed positions {}..{} of {} by stream", before + 1, after, file);
        }
    }
}

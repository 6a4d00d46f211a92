package dev.annals.store.jdbc.transfer;

import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.StreamMarksRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Reads the marks of a store's streams ({@code streams.truncate_before}, {@code streams.deleted}) and copies them into another. */
final class MarkRows {

    private MarkRows() {}

    /** The streams with a mark, in key order. */
    static List<StreamMark> read(Connection connection, SqlDialect dialect) throws SQLException {
        var marks = new ArrayList<StreamMark>();
        try (var select = connection.prepareStatement("SELECT name, truncate_before, deleted FROM "
                        + dialect.table("streams") + " WHERE truncate_before > 0 OR deleted <> 0 ORDER BY stream_id");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                marks.add(new StreamMark(rows.getString(1), rows.getLong(2), StreamMarks.State.ofCode(rows.getInt(3))));
            }
        }
        return marks;
    }

    /**
     * Gives the target's streams the source's marks. The target must hold each marked stream's events up to
     * the mark, and nothing the source's history could not have led to: no mark on a stream the source
     * leaves unmarked, no truncation beyond the source's, no tombstone the source lacks.
     *
     * @return how many streams' marks changed
     * @throws ImportRejectedException naming the first stream that does not fit; nothing is changed (the
     *                                 caller rolls back)
     */
    static int write(Connection connection, SqlDialect dialect, List<StreamMark> marks) throws SQLException {
        var marked = new HashSet<String>();
        marks.forEach(mark -> marked.add(mark.stream()));
        for (var existing : read(connection, dialect)) {
            if (!marked.contains(existing.stream())) {
                throw new ImportRejectedException("stream " + existing.stream() + " is " + describe(existing)
                        + " in the target but not in the source: the target was written to by something else");
            }
        }
        int changed = 0;
        for (var mark : marks) {
            var keyed = StreamMarksRows.find(dialect, connection, mark.stream())
                    .orElseThrow(() -> new ImportRejectedException("stream " + mark.stream() + " is " + describe(mark)
                            + ", but the target holds none of its events"));
            var now = keyed.marks();
            var current = new StreamMark(mark.stream(), now.truncateBefore(), now.state());
            if (!current.canBecome(mark)) {
                throw new ImportRejectedException("stream " + mark.stream() + " is " + describe(current)
                        + " in the target but " + describe(mark) + " in the source: the target was written to by"
                        + " something else");
            }
            if (mark.truncateBefore() > now.lastVersion() + 1) {
                throw new ImportRejectedException("stream " + mark.stream() + " is " + describe(mark)
                        + ", but the target holds its events only up to version " + now.lastVersion());
            }
            if (!current.equals(mark)) {
                StreamMarksRows.update(
                        dialect,
                        connection,
                        keyed.streamId(),
                        new StreamMarks(now.lastVersion(), mark.truncateBefore(), mark.state()));
                changed++;
            }
        }
        return changed;
    }

    /** A mark in words: {@code tombstoned}, {@code soft-deleted}, {@code truncated before version 3}. */
    static String describe(StreamMark mark) {
        return switch (mark.state()) {
            case TOMBSTONED -> "tombstoned";
            case DELETED -> "soft-deleted";
            case LIVE -> mark.truncateBefore() == 0 ? "live" : "truncated before version " + mark.truncateBefore();
        };
    }
}

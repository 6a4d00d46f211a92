package dev.annals.store.jdbc;

import dev.annals.event.RecordedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the rows of one read, decoding each stream's and type's name once rather than once per row.
 *
 * <p>A replay of the global stream spent most of its time turning the same few names from UTF-8 into
 * Strings (found with JFR). The rows carry each name's key beside it, and keys never change their name,
 * so a name seen once is looked up by key afterwards. The maps belong to one read (one thread) and are
 * emptied when they grow large, so a read over millions of streams holds no more than a bounded cache.
 */
final class NameCachingRows {

    private static final int MAX_NAMES = 4096;

    private final SqlDialect dialect;
    private final Map<Long, String> streams = new HashMap<>();
    private final Map<Long, String> types = new HashMap<>();

    NameCachingRows(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The event in the current row of {@code row}, a row of {@link SqlDialect#selectEvents()}. */
    RecordedEvent map(ResultSet row) throws SQLException {
        String stream = name(streams, row, 10, 2);
        String type = name(types, row, 11, 5);
        return EventRows.map(dialect, row, stream, type);
    }

    private static String name(Map<Long, String> names, ResultSet row, int keyColumn, int nameColumn)
            throws SQLException {
        long key = row.getLong(keyColumn);
        String name = names.get(key);
        if (name == null) {
            if (names.size() >= MAX_NAMES) {
                names.clear();
            }
            name = row.getString(nameColumn);
            names.put(key, name);
        }
        return name;
    }
}

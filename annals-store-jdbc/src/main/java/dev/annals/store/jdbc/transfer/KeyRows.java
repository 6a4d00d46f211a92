package dev.annals.store.jdbc.transfer;

import dev.annals.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a store's {@code subject_keys} rows and copies them into another, the stored bytes as they are: a
 * wrapped key stays wrapped, and no master key is needed.
 */
final class KeyRows {

    private KeyRows() {}

    /** Every row, in subject order. */
    static List<StoredSubjectKey> read(Connection connection, SqlDialect dialect) throws SQLException {
        var keys = new ArrayList<StoredSubjectKey>();
        try (var select = connection.prepareStatement("SELECT subject, data_key, created_at, forgotten_at FROM "
                        + dialect.table("subject_keys") + " ORDER BY subject");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(row(rows));
            }
        }
        return keys;
    }

    /**
     * Copies {@code keys} into the target. A subject the target does not know gets the source's row; a
     * subject forgotten in the source is forgotten in the target too; the target's own subjects stay.
     *
     * @return how many rows were added or changed
     * @throws ImportRejectedException when the target holds another key for a subject, or has forgotten a
     *                                 subject the source has a key for (a forgotten key is never brought
     *                                 back); nothing is changed (the caller rolls back)
     */
    static int write(Connection connection, SqlDialect dialect, List<StoredSubjectKey> keys) throws SQLException {
        String table = dialect.table("subject_keys");
        int changed = 0;
        try (var select = connection.prepareStatement(
                        "SELECT subject, data_key, created_at, forgotten_at FROM " + table + " WHERE subject = ?");
                var insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (subject, data_key, created_at, forgotten_at) VALUES (?, ?, ?, ?)");
                var forget = connection.prepareStatement(
                        "UPDATE " + table + " SET data_key = NULL, forgotten_at = ? WHERE subject = ?")) {
            for (var key : keys) {
                var existing = find(select, key.subject());
                if (existing.isEmpty()) {
                    insert.setString(1, key.subject());
                    insert.setBytes(2, key.dataKey().orElse(null));
                    insert.setLong(3, key.createdAt());
                    setMillis(insert, 4, key.forgottenAt());
                    insert.executeUpdate();
                    changed++;
                } else if (key.forgotten() && !existing.get().forgotten()) {
                    setMillis(forget, 1, key.forgottenAt());
                    forget.setString(2, key.subject());
                    forget.executeUpdate();
                    changed++;
                } else if (!key.forgotten() && existing.get().forgotten()) {
                    throw new ImportRejectedException("subject '" + key.subject() + "' is forgotten in the target but"
                            + " has a data key in the source: a forgotten subject is never given its key back");
                } else if (!key.sameKey(existing.get())) {
                    throw new ImportRejectedException("subject '" + key.subject() + "' has another data key in the"
                            + " target than in the source: the target was written to by something else");
                }
            }
        }
        return changed;
    }

    private static Optional<StoredSubjectKey> find(PreparedStatement select, String subject) throws SQLException {
        select.setString(1, subject);
        try (var rows = select.executeQuery()) {
            return rows.next() ? Optional.of(row(rows)) : Optional.empty();
        }
    }

    private static StoredSubjectKey row(ResultSet rows) throws SQLException {
        var subject = rows.getString(1);
        var dataKey = Optional.ofNullable(rows.getBytes(2));
        long createdAt = rows.getLong(3);
        long forgottenAt = rows.getLong(4);
        return new StoredSubjectKey(
                subject, dataKey, createdAt, rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(forgottenAt));
    }

    private static void setMillis(PreparedStatement statement, int index, OptionalLong millis) throws SQLException {
        if (millis.isPresent()) {
            statement.setLong(index, millis.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}

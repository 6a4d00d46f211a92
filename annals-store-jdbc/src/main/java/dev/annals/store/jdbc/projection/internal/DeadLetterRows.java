package dev.annals.store.jdbc.projection.internal;

import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Maps {@code dead_letters} rows; times are milliseconds since the epoch. */
public final class DeadLetterRows {

    /** The columns {@link #read} expects, in order. */
    public static final String COLUMNS =
            "id, projection, position, event_id, event_type, error, attempts," + " first_failure, last_failure, status";

    private DeadLetterRows() {}

    /** Every row {@code statement} selects. */
    public static List<DeadLetter> all(PreparedStatement statement) throws SQLException {
        var letters = new ArrayList<DeadLetter>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                letters.add(read(rows));
            }
        }
        return letters;
    }

    private static DeadLetter read(ResultSet row) throws SQLException {
        return new DeadLetter(
                row.getLong(1),
                row.getString(2),
                row.getLong(3),
                UUID.fromString(row.getString(4)),
                row.getString(5),
                row.getString(6),
                row.getInt(7),
                Instant.ofEpochMilli(row.getLong(8)),
                Instant.ofEpochMilli(row.getLong(9)),
                DeadLetterStatus.valueOf(row.getString(10)));
    }
}

package dev.annals.store.jdbc;

import dev.annals.event.MetadataJson;
import dev.annals.event.RecordedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Maps rows selected by {@link SqlDialect#selectEvents()} to {@link RecordedEvent}s. */
public final class EventRows {

    /** How many columns {@link SqlDialect#selectEvents()} selects; a query may add its own after them. */
    public static final int COLUMNS = 11;

    private EventRows() {}

    /** The event in the current row of {@code row}. */
    public static RecordedEvent map(SqlDialect dialect, ResultSet row) throws SQLException {
        return map(dialect, row, row.getString(2), row.getString(5));
    }

    /** The event in the current row of {@code row}, whose stream and type names the caller has decoded. */
    static RecordedEvent map(SqlDialect dialect, ResultSet row, String stream, String type) throws SQLException {
        return new RecordedEvent(
                stream,
                row.getLong(3),
                row.getLong(1),
                dialect.readEventId(row, 4),
                type,
                row.getInt(6),
                row.getBytes(7),
                MetadataJson.decode(row.getBytes(8)),
                instantOfMicros(row.getLong(9)));
    }

    /** Microseconds since the epoch, the form {@code recorded_at} is stored in. */
    public static long microsOf(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The instant {@code micros} microseconds after the epoch. */
    public static Instant instantOfMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}

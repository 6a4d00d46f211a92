package dev.annals.store.postgres.internal;

import dev.annals.projection.segment.SegmentLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The JDBC plumbing of the lease tables: statements with parameters, and rows read as {@link SegmentLease}s. */
public final class LeaseRows {

    /** The columns {@link #lease} reads, from the segment on; "active" is judged by the database's clock. */
    public static final String COLUMNS = "segment, segments, coalesce(owner, ''), epoch, expires_at,"
            + " owner IS NOT NULL AND expires_at > clock_timestamp()";

    private LeaseRows() {}

    /** Runs {@code sql} (selecting or returning {@link #COLUMNS}) and reads the leases of {@code projection}. */
    public static List<SegmentLease> query(Connection connection, String sql, String projection, Object... parameters)
            throws SQLException {
        try (var statement = prepare(connection, sql, parameters);
                var rows = statement.executeQuery()) {
            var found = new ArrayList<SegmentLease>();
            while (rows.next()) {
                found.add(lease(projection, rows, 1));
            }
            return found;
        }
    }

    /** The lease of {@code projection} in the current row, whose {@link #COLUMNS} start at column {@code first}. */
    public static SegmentLease lease(String projection, ResultSet rows, int first) throws SQLException {
        var expires = rows.getObject(first + 4, OffsetDateTime.class);
        return new SegmentLease(
                projection,
                rows.getInt(first),
                rows.getInt(first + 1),
                rows.getString(first + 2),
                rows.getLong(first + 3),
                expires == null ? Instant.MIN : expires.toInstant(),
                rows.getBoolean(first + 5));
    }

    /** Runs the update {@code sql} and returns how many rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}

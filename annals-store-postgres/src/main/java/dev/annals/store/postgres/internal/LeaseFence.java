package dev.annals.store.postgres.internal;

import dev.annals.projection.segment.LeaseLostException;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.store.jdbc.projection.TransactionGuard;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fence of one segment's read model: first in each of its transactions, it locks the segment's lease
 * row (FOR SHARE) provided this worker still holds it with its epoch and it has not expired, else throws
 * {@link LeaseLostException} and the transaction rolls back.
 *
 * <p>The lock is what makes the guarantee independent of timing: a claim by another worker updates the row,
 * so it waits until this transaction has committed or rolled back, and every later transaction of this
 * worker then finds the new epoch and commits nothing. A worker's commits under one epoch therefore all
 * come before any commit under the next.
 */
public final class LeaseFence implements TransactionGuard {

    /** The advisory lock class of read-model table creation ('annd'); appends use 'anna' (ADR 0006). */
    private static final int DDL_LOCK = 0x616E6E64;

    private final SegmentLease lease;
    private final String schema;
    private final String sql;
    private volatile boolean first = true;

    public LeaseFence(String schema, SegmentLease lease) {
        this.lease = lease;
        this.schema = schema;
        this.sql = "SELECT 1 FROM " + schema + ".projection_leases WHERE projection = ? AND segment = ?"
                + " AND owner = ? AND epoch = ? AND expires_at > clock_timestamp() FOR SHARE";
    }

    @Override
    public void check(Connection connection) throws SQLException {
        if (first) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, DDL_LOCK);
                lock.setString(2, schema);
                lock.execute();
            }
            first = false;
        }
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, lease.projection());
            statement.setInt(2, lease.segment());
            statement.setString(3, lease.owner());
            statement.setLong(4, lease.epoch());
            try (var row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new LeaseLostException(lease.projection(), lease.segment(), lease.owner(), lease.epoch());
                }
            }
        }
    }
}

package dev.annals.store.jdbc.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The writes handlers queued with {@link SqlContext#batch} in the open transaction: consecutive rows of one
 * statement, run as one JDBC batch (one round trip to a server) when another statement comes, when the
 * batch is full, or when the runner flushes before its checkpoint.
 *
 * <p>Only consecutive rows of the same statement are batched together, so writes run in the order handlers
 * made them; rows with {@link Addend}s are merged by their other parameters first ({@link AdditiveRows}), and
 * a row of the same statement without them (or with them elsewhere) starts a new run. After a failed run,
 * every later flush throws that failure until the transaction ends: the runner then knows the unit's
 * deferred writes failed, and looks for the event they belonged to (ADR 0040). One per read-model
 * connection; used by one thread at a time.
 */
final class DeferredWrites {

    /** Rows queued before a batch runs by itself: bounds memory and a server's message sizes. */
    private static final int MAX_ROWS = 1_000;

    private final AdditiveRows additive = new AdditiveRows();
    private PreparedStatement statement;
    private boolean merging;
    private int rows;
    private SQLException failure;

    /** Queues a row of {@code next}, bound to {@code parameters}, after running what another statement queued. */
    void add(PreparedStatement next, Object[] parameters) throws SQLException {
        var shape = AdditiveRows.shapeOf(parameters);
        if (statement != next || merging != (shape != null)) {
            flush();
        }
        statement = next;
        merging = shape != null;
        if (merging) {
            if (!additive.add(parameters, shape)) {
                flush();
                statement = next;
                merging = true;
                additive.add(parameters, shape);
            }
            rows = additive.size();
        } else {
            AdditiveRows.bind(next, parameters);
            next.addBatch();
            rows++;
        }
        if (rows >= MAX_ROWS) {
            flush();
        }
    }

    /** Runs the queued rows. */
    void flush() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        if (statement == null) {
            return;
        }
        var queued = statement;
        boolean merged = merging;
        statement = null;
        merging = false;
        rows = 0;
        try {
            if (merged) {
                additive.addBatchTo(queued);
            }
            queued.executeBatch();
        } catch (SQLException e) {
            failure = e;
            clear(queued);
            throw e;
        }
    }

    /** Forgets the queued rows and any failure: the transaction ended (or never began). */
    void discard() {
        if (statement != null) {
            clear(statement);
        }
        additive.clear();
        statement = null;
        merging = false;
        rows = 0;
        failure = null;
    }

    private static void clear(PreparedStatement statement) {
        try {
            statement.clearBatch();
        } catch (SQLException e) {
            // A statement that cannot clear its batch is closed with the cache on the next reconnect.
        }
    }
}

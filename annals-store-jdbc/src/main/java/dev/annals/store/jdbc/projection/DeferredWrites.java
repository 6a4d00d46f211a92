package dev.annals.store.jdbc.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The writes handlers queued with {@link SqlContext#batch} in the open transaction: consecutive rows of one
 * statement, run as one JDBC batch (one round trip to a server) when another statement comes, when the
 * batch is full, or when the runner flushes before its checkpoint.
 *
 * <p>Only consecutive rows of the same statement are batched together, so writes run in the order handlers
 * made them. After a failed run, every later flush throws that failure until the transaction ends: the
 * runner then knows the unit's deferred writes failed, and looks for the event they belonged to (ADR
 * 0040). One per read-model connection; used by one thread at a time.
 */
final class DeferredWrites {

    /** Rows queued before a batch runs by itself: bounds memory and a server's message sizes. */
    private static final int MAX_ROWS = 1_000;

    private PreparedStatement statement;
    private int rows;
    private SQLException failure;

    /** Queues a row of {@code next}, bound to {@code parameters}, after running what another statement queued. */
    void add(PreparedStatement next, Object[] parameters) throws SQLException {
        if (statement != next) {
            flush();
        }
        for (int i = 0; i < parameters.length; i++) {
            next.setObject(i + 1, parameters[i]);
        }
        next.addBatch();
        statement = next;
        if (++rows >= MAX_ROWS) {
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
        statement = null;
        rows = 0;
        try {
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
        statement = null;
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

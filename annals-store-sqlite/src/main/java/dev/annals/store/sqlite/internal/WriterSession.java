package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's connection with its prepared statements. After a transaction fails the writer drops the
 * whole session and opens a new one for the next batch: SQLite may leave a failed transaction open (a
 * COMMIT that hit a full disk, a ROLLBACK that failed in turn), and a new connection is the one way to be
 * sure the next {@code BEGIN} starts outside any transaction (docs/adr/0017). Closing the old connection
 * rolls back whatever it still held.
 */
final class WriterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterSession.class);

    final Connection connection;
    final BatchAppender appender;
    final PreparedStatement begin;
    final PreparedStatement commit;
    final PreparedStatement rollback;
    final List<PreparedStatement> indexTail = new ArrayList<>();
    private final Path file;

    private WriterSession(
            Path file, Connection connection, SqliteDialect dialect, WriterState state, TailPositions tailPositions)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        takeOverTransactions(connection);
        this.appender = new BatchAppender(dialect, connection, state, tailPositions);
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.commit = connection.prepareStatement("COMMIT");
        this.rollback = connection.prepareStatement("ROLLBACK");
        for (String sql : StreamIndex.CATCH_UP) {
            indexTail.add(connection.prepareStatement(sql));
        }
    }

    /**
     * Tells the driver that the writer runs its transactions itself. With the connection in JDBC auto-commit,
     * sqlite-jdbc follows every statement that completes with a {@code begin;} of its own, to commit if SQLite
     * were outside a transaction; inside the writer's it fails, and that failing statement and its two
     * resets were about 5% of the writer thread's CPU with 64 single-event writers. Out of auto-commit the
     * driver only opens a deferred transaction (which holds no lock and is ended here at once) and leaves
     * the connection alone; the writer never calls {@code commit()} or {@code rollback()} on it.
     */
    private static void takeOverTransactions(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        }
    }

    /** A session on {@code connection}, which it closes when preparing its statements fails. */
    static WriterSession on(
            Path file, Connection connection, SqliteDialect dialect, WriterState state, TailPositions tailPositions)
            throws SQLException {
        try {
            return new WriterSession(file, connection, dialect, state, tailPositions);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(file, connection);
            throw e;
        }
    }

    /** A session on a new writer connection to {@code file}. */
    static WriterSession open(Path file, SqliteDialect dialect, WriterState state, TailPositions tailPositions)
            throws SQLException {
        return on(file, SqliteConnections.writer(file), dialect, state, tailPositions);
    }

    /** Rolls back what the failed transaction may still hold, then closes the connection whatever happens. */
    void abandon() {
        appender.discardSeals();
        try {
            rollback.execute();
        } catch (SQLException e) {
            // SQLite may have rolled back on its own; closing the connection undoes anything left.
            LOG.debug("rollback on {} after a failed write failed: {}", file, e.getMessage());
        }
        close();
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            LOG.debug("closing the writer's statements on {} failed: {}", file, e.getMessage());
        }
        closeQuietly(file, connection);
    }

    private static void closeQuietly(Path file, Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection to {} failed: {}", file, e.getMessage());
        }
    }
}

package dev.annals.store.postgres.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one append in a transaction of its own on a borrowed connection: commit when written, roll back
 * when refused or failed. A unique violation on an event id is resolved after the rollback, outside the
 * lock, since stored events never change: an exact retry returns the original result.
 */
public final class AppendTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(AppendTransaction.class);

    private final DataSource dataSource;
    private final PostgresDialect dialect;
    private final PostgresAppender appender;

    public AppendTransaction(DataSource dataSource, PostgresDialect dialect, PostgresAppender appender) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.appender = appender;
    }

    /** Appends and commits; see {@link dev.annals.store.EventAppender#append}. */
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = appender.write(connection, stream, expected, events);
                connection.commit();
                LOG.debug("appended {} events to stream {}, version {}, last position {}", events.size(), stream,
                        result.streamVersion(), result.position());
                return result;
            } catch (SQLException e) {
                rollback(connection);
                if (isUniqueViolation(e)) {
                    connection.setAutoCommit(true);
                    return StoredEvents.resolveRetry(dialect, connection, stream, events).orElseThrow(() ->
                            new EventStoreException("append to stream '" + stream + "' hit a unique constraint"
                                    + " that no stored event id explains: " + e.getMessage(), e));
                }
                throw e;
            } catch (RuntimeException refused) {
                rollback(connection);
                throw refused;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreException("append to stream '" + stream + "' failed in PostgreSQL (SQL state "
                    + e.getSQLState() + "); it may or may not be written, an exact retry tells which: "
                    + e.getMessage(), e);
        }
    }

    private boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (dialect.isUniqueViolation(next)) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is broken; PostgreSQL rolls back what it cannot finish.
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }
}

package dev.annals.store.postgres.internal;

import dev.annals.store.StreamDeletionResult;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.StreamMarksRows;
import dev.annals.store.jdbc.append.BatchFailure;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a deletion or truncation in a transaction of its own that holds the schema's append lock, so that
 * no append to the stream runs between reading its marks and storing the new ones. The stream's snapshots
 * are dropped in the same transaction.
 */
public final class StreamChanges {

    private static final Logger LOG = LoggerFactory.getLogger(StreamChanges.class);

    private final DataSource dataSource;
    private final PostgresDialect dialect;
    private final PostgresAppender appender;

    public StreamChanges(DataSource dataSource, PostgresDialect dialect, PostgresAppender appender) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.appender = appender;
    }

    /** Applies {@code rule} to the marks of {@code stream} and commits. */
    public StreamDeletionResult apply(String stream, Function<StreamMarks, StreamMarks.Change> rule) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                appender.lock(connection);
                var applied = StreamMarksRows.apply(dialect, connection, stream, rule);
                try (var drop = connection.prepareStatement(dialect.deleteSnapshots())) {
                    // A snapshot may hold state folded from events now hidden: the next load folds what is readable.
                    drop.setString(1, stream);
                    drop.executeUpdate();
                }
                connection.commit();
                LOG.info("stream '{}' changed: {}", stream, applied.result());
                return applied.result();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw BatchFailure.readFailure(
                    dialect, "deleting or truncating stream '" + stream + "' (nothing was" + " changed)", e);
        }
    }
}

package dev.annals.store.jdbc.projection;

import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionNames;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.UnknownDeadLetterException;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.internal.DeadLetterRows;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.jdbc.projection.internal.ProjectionSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The projections' bookkeeping in the store's SQL database, on one connection of its own.
 *
 * <p>Safe from any process that can open the database, which is how the CLI pauses, rebuilds and
 * retries while the application runs: requests are rows; runners read them every control interval.
 * Each method is one short transaction. Thread-safe (calls are serialised on the connection).
 */
public final class JdbcProjectionStates implements ProjectionStates, AutoCloseable {

    private final ConnectionFactory connections;
    private Connection connection;
    private final SqlDialect dialect;

    /**
     * Bookkeeping on a new connection from {@code connections}; close it when done. Transactions start
     * with {@code dialect}'s {@link SqlDialect#beginWrite()}, and calls wait out the lock waits it names.
     */
    public JdbcProjectionStates(ConnectionFactory connections, SqlDialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.connections = requireNonNull(connections, "connections");
        try {
            // A database may report itself busy while opening (SQLite's WAL set-up): wait in Java.
            this.connection = LockWaits.retryWhileBusy(dialect, connections::open);
        } catch (SQLException e) {
            throw new EventStoreException("could not connect for projection bookkeeping: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long checkpoint(String projection) {
        return run(() -> {
            try (var statement = connection.prepareStatement(ProjectionSql.SELECT_CHECKPOINT)) {
                statement.setString(1, projection);
                try (var row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public synchronized ProjectionControl control(String projection) {
        return run(() -> {
            try (var statement = connection.prepareStatement(ProjectionSql.SELECT_CONTROL)) {
                statement.setString(1, projection);
                try (var row = statement.executeQuery()) {
                    if (!row.next()) {
                        return ProjectionControl.INITIAL;
                    }
                    String rebuild = row.getString(2);
                    return new ProjectionControl(
                            row.getInt(1) != 0,
                            rebuild == null ? RebuildMode.NONE : RebuildMode.valueOf(rebuild),
                            row.getInt(3));
                }
            }
        });
    }

    @Override
    public void pause(String projection) {
        setPaused(projection, true);
    }

    @Override
    public void resume(String projection) {
        setPaused(projection, false);
    }

    private synchronized void setPaused(String projection, boolean paused) {
        ProjectionNames.validate(projection);
        update(ProjectionSql.UPSERT_PAUSED, projection, paused ? 1 : 0);
    }

    @Override
    public synchronized void requestRebuild(String projection, RebuildMode mode) {
        ProjectionNames.validate(projection);
        update(ProjectionSql.UPSERT_REBUILD, projection, mode == RebuildMode.NONE ? null : mode.name());
    }

    @Override
    public synchronized void report(ProjectionHealth health) {
        update(
                ProjectionSql.UPSERT_STATUS,
                health.projection(),
                health.state().name(),
                health.checkpoint(),
                health.headPosition(),
                health.eventsBehind(),
                health.secondsBehind(),
                health.error(),
                health.measuredAt().toEpochMilli());
    }

    @Override
    public synchronized List<ProjectionHealth> health() {
        return run(() -> {
            long head;
            try (var statement = connection.prepareStatement(ProjectionSql.HEAD);
                    var row = statement.executeQuery()) {
                head = row.next() ? row.getLong(1) : 0;
            }
            var all = new ArrayList<ProjectionHealth>();
            try (var statement = connection.prepareStatement(ProjectionSql.SELECT_STATUS);
                    var rows = statement.executeQuery()) {
                while (rows.next()) {
                    // Appends since the report count too, so a stopped runner's lag keeps growing.
                    long behind = rows.getLong(8) + Math.max(0, head - rows.getLong(4));
                    all.add(new ProjectionHealth(
                            rows.getString(1),
                            ProjectionState.valueOf(rows.getString(2)),
                            rows.getLong(3),
                            head,
                            behind,
                            rows.getDouble(5),
                            rows.getInt(9),
                            Optional.ofNullable(rows.getString(6)).orElse(""),
                            Instant.ofEpochMilli(rows.getLong(7))));
                }
            }
            return all;
        });
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(Optional<String> projection) {
        return run(() -> {
            try (var statement = connection.prepareStatement(ProjectionSql.SELECT_OPEN_LETTERS)) {
                statement.setString(1, projection.orElse(null));
                statement.setString(2, projection.orElse(null));
                return DeadLetterRows.all(statement);
            }
        });
    }

    @Override
    public synchronized Optional<DeadLetter> deadLetter(long id) {
        return run(() -> {
            try (var statement = connection.prepareStatement(ProjectionSql.SELECT_LETTER)) {
                statement.setLong(1, id);
                return DeadLetterRows.all(statement).stream().findFirst();
            }
        });
    }

    @Override
    public synchronized void requestRetry(long id) {
        if (update(ProjectionSql.SET_LETTER_STATUS, DeadLetterStatus.RETRY_REQUESTED.name(), id) == 0) {
            throw new UnknownDeadLetterException(id);
        }
    }

    @Override
    public synchronized void skip(long id) {
        run(() -> {
            update(dialect.beginWrite());
            try {
                var letter = deadLetter(id)
                        .filter(found -> found.status().open())
                        .orElseThrow(() -> new UnknownDeadLetterException(id));
                update(ProjectionSql.SET_LETTER_STATUS, DeadLetterStatus.SKIPPED.name(), id);
                if (checkpoint(letter.projection()) == letter.position() - 1) {
                    update(
                            ProjectionSql.UPSERT_CHECKPOINT,
                            letter.projection(),
                            letter.position(),
                            Instant.now().toEpochMilli());
                }
                update("COMMIT");
                return null;
            } catch (RuntimeException e) {
                update("ROLLBACK");
                throw e;
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return run(() -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, parameters[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private <T> T run(SqlCall<T> call) {
        try {
            return LockWaits.retryWhileBusy(dialect, call::run);
        } catch (SQLException e) {
            reconnectIfBroken();
            throw new EventStoreException("projection bookkeeping failed: " + e.getMessage(), e);
        }
    }

    /** After a failure, replaces a connection the database dropped (a restart), so that the next call can work. */
    private void reconnectIfBroken() {
        connection = Reconnection.ifBroken(connection, connections);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was pending on it: every method commits before it returns.
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}

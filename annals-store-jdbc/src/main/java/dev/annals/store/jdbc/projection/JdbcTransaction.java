package dev.annals.store.jdbc.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.ProjectionControl;
import dev.annals.projection.ProjectionTransaction;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.internal.DeadLetterRows;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.jdbc.projection.internal.ProjectionSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One database transaction of a JDBC read model: handler effects, checkpoint and dead letters commit as one. */
final class JdbcTransaction implements ProjectionTransaction<SqlContext> {

    private final Connection connection;
    private final SqlDialect dialect;
    private final List<ReadModelTable> tables;
    private final Map<Integer, Map<String, String>> physicalByVersion;
    private final Clock clock;
    private final StatementCache statements;
    private final DeferredWrites writes;
    private boolean tablesLocked;

    JdbcTransaction(
            Connection connection,
            SqlDialect dialect,
            List<ReadModelTable> tables,
            Map<Integer, Map<String, String>> physicalByVersion,
            Clock clock,
            StatementCache statements,
            DeferredWrites writes) {
        this.connection = connection;
        this.dialect = dialect;
        this.tables = tables;
        this.physicalByVersion = physicalByVersion;
        this.clock = clock;
        this.statements = statements;
        this.writes = writes;
    }

    @Override
    public SqlContext context(RecordedEvent event, int version) {
        var physical = physicalByVersion.computeIfAbsent(version, v -> {
            var names = new HashMap<String, String>();
            tables.forEach(table -> names.put(table.name(), table.physical(v)));
            return Map.copyOf(names);
        });
        return new SqlContext(connection, event, physical, statements, writes);
    }

    @Override
    public void flush() throws SQLException {
        writes.flush();
    }

    /** Runs the queued rows before a statement of the runner's own: writes keep their order. */
    private void flushQueued(String doing) {
        try {
            writes.flush();
        } catch (SQLException e) {
            throw failed(doing, e);
        }
    }

    @Override
    public long checkpoint(String key) {
        flushQueued("reading checkpoint " + key);
        try (var statement = connection.prepareStatement(ProjectionSql.SELECT_CHECKPOINT)) {
            statement.setString(1, key);
            return LockWaits.retryWhileBusy(dialect, () -> {
                try (var row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            });
        } catch (SQLException e) {
            throw failed("reading checkpoint " + key, e);
        }
    }

    @Override
    public void saveCheckpoint(String key, long position) {
        execute(ProjectionSql.UPSERT_CHECKPOINT, key, position, clock.millis());
    }

    @Override
    public void deleteCheckpoint(String key) {
        execute(ProjectionSql.DELETE_CHECKPOINT, key);
    }

    @Override
    public long park(DeadLetter letter) {
        flushQueued("parking position " + letter.position());
        try (var statement =
                connection.prepareStatement(ProjectionSql.INSERT_LETTER, Statement.RETURN_GENERATED_KEYS)) {
            bind(
                    statement,
                    letter.projection(),
                    letter.position(),
                    letter.eventId().toString(),
                    letter.eventType(),
                    letter.error(),
                    letter.attempts(),
                    letter.firstFailure().toEpochMilli(),
                    letter.lastFailure().toEpochMilli(),
                    letter.status().name());
            LockWaits.retryWhileBusy(dialect, statement::executeUpdate);
            try (var keys = statement.getGeneratedKeys()) {
                if (keys.next()) {
                    return keys.getLong(1);
                }
            }
            try (var query = connection.createStatement();
                    var id = query.executeQuery("SELECT MAX(id) FROM dead_letters")) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("parking position " + letter.position(), e);
        }
    }

    @Override
    public void updateDeadLetter(DeadLetter letter) {
        execute(
                ProjectionSql.UPDATE_LETTER,
                letter.error(),
                letter.attempts(),
                letter.lastFailure().toEpochMilli(),
                letter.status().name(),
                letter.id());
    }

    @Override
    public List<DeadLetter> retryRequests(String projection) {
        flushQueued("reading retry requests");
        try (var statement = connection.prepareStatement(ProjectionSql.SELECT_RETRY_REQUESTS)) {
            statement.setString(1, projection);
            return LockWaits.retryWhileBusy(dialect, () -> DeadLetterRows.all(statement));
        } catch (SQLException e) {
            throw failed("reading retry requests", e);
        }
    }

    @Override
    public boolean claimRetry(DeadLetter letter) {
        flushQueued("claiming dead letter " + letter.id());
        try (var statement = connection.prepareStatement(ProjectionSql.CLAIM_RETRY)) {
            statement.setLong(1, letter.id());
            return LockWaits.retryWhileBusy(dialect, statement::executeUpdate) == 1;
        } catch (SQLException e) {
            throw failed("claiming dead letter " + letter.id(), e);
        }
    }

    @Override
    public void prepareVersion(String projection, int version) {
        flushQueued("preparing version " + version + " of " + projection);
        statements.close();
        lockTables();
        // Resetting the live version drops the table its view shows; PostgreSQL refuses that while the view
        // stands (SQLite allows it), so the view goes first and ensureVersion puts it back on the new table.
        boolean live = version == liveVersion(projection);
        for (ReadModelTable table : tables) {
            if (live) {
                execute("DROP VIEW IF EXISTS " + table.name());
            }
            execute("DROP TABLE IF EXISTS " + table.physical(version));
        }
        ensureVersion(projection, version);
    }

    private int liveVersion(String projection) {
        try (var statement = connection.prepareStatement(ProjectionSql.SELECT_CONTROL)) {
            statement.setString(1, projection);
            try (var row = LockWaits.retryWhileBusy(dialect, statement::executeQuery)) {
                return row.next() ? row.getInt(3) : ProjectionControl.INITIAL.liveVersion();
            }
        } catch (SQLException e) {
            throw failed("reading the live version of projection " + projection, e);
        }
    }

    @Override
    public void ensureVersion(String projection, int version) {
        lockTables();
        for (ReadModelTable table : tables) {
            table.createStatements(version).forEach(this::execute);
            // Checked through JDBC metadata because CREATE VIEW IF NOT EXISTS is SQLite's, not PostgreSQL's.
            if (!viewExists(table.name())) {
                execute("CREATE VIEW " + table.name() + " AS SELECT * FROM " + table.physical(version));
            }
        }
    }

    private boolean viewExists(String name) {
        try (var views =
                connection.getMetaData().getTables(null, connection.getSchema(), name, new String[] {"VIEW"})) {
            return views.next();
        } catch (SQLException e) {
            throw new ProjectionStoreException("could not look up view " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void promote(String projection, int version, int oldVersion) {
        flushQueued("promoting version " + version + " of " + projection);
        statements.close();
        lockTables();
        for (ReadModelTable table : tables) {
            execute("DROP VIEW IF EXISTS " + table.name());
            execute("CREATE VIEW " + table.name() + " AS SELECT * FROM " + table.physical(version));
            if (oldVersion != version) {
                execute("DROP TABLE IF EXISTS " + table.physical(oldVersion));
            }
        }
        execute(ProjectionSql.UPSERT_PROMOTED, projection, version);
    }

    /** Takes the backend's lock on read-model tables, once per transaction; it is held until the transaction ends. */
    private void lockTables() {
        if (tablesLocked) {
            return;
        }
        for (String sql : dialect.lockReadModelTables()) {
            flushQueued(sql);
            try (var statement = connection.prepareStatement(sql)) {
                LockWaits.retryWhileBusy(dialect, statement::execute);
            } catch (SQLException e) {
                throw failed("locking the read-model tables", e);
            }
        }
        tablesLocked = true;
    }

    private void execute(String sql, Object... parameters) {
        flushQueued(sql);
        try (var statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            LockWaits.retryWhileBusy(dialect, statement::executeUpdate);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static ProjectionStoreException failed(String doing, SQLException e) {
        return new ProjectionStoreException("read-model transaction failed " + doing + ": " + e.getMessage(), e);
    }
}

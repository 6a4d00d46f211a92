package dev.annals.store.sqlite;

import dev.annals.store.EventReader;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.ConnectionLender;
import dev.annals.store.jdbc.JdbcEventReader;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import dev.annals.store.sqlite.internal.ProjectionSchema;
import dev.annals.store.sqlite.internal.SqliteConnections;
import dev.annals.store.sqlite.internal.SqliteDialect;
import dev.annals.store.sqlite.internal.WriteTurns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.sqlite.SQLiteConfig;

import static java.util.Objects.requireNonNull;

/**
 * Projections on the SQLite store: read models and bookkeeping in the store's own file, {@code annals.db},
 * so that a read model commits with its checkpoint.
 *
 * <p>These connections do not take the store's directory lock: the CLI uses them while the application
 * holds the store open, and SQLite's own locking (WAL) orders the writes; they wait for the write lock
 * in Java, never in the driver, so that the virtual threads projections run on are never pinned. Read models
 * commit with synchronous NORMAL: a power cut may lose their last transactions, but their checkpoints go
 * with them, so they replay; nothing acknowledged to an appender depends on them.
 */
public final class SqliteProjections {

    /** SQLite's dialect: transactions that take the write lock at once, lock waits spent in Java. */
    private static final SqliteDialect DIALECT = new SqliteDialect();

    /** WAL bytes after which a read model's commit checkpoints: four times the writer's restart (16 MiB). */
    private static final long PROJECTION_WAL_AUTOCHECKPOINT_BYTES = 16L * 1024 * 1024;

    private SqliteProjections() {}

    /**
     * Connections to the store file in {@code dataDirectory}, after bringing its schema up to date.
     *
     * @throws EventStoreException when the directory holds no store or the file cannot be opened
     */
    public static ConnectionFactory connections(Path dataDirectory) {
        Path file = requireNonNull(dataDirectory, "dataDirectory").resolve(SqliteEventStore.FILE_NAME);
        if (!Files.exists(file)) {
            throw new EventStoreException("no SQLite store at " + file);
        }
        ConnectionFactory factory = new FileConnections(file);
        try (Connection connection = LockWaits.retryWhileBusy(DIALECT, factory::open)) {
            LockWaits.retryWhileBusy(DIALECT, () -> {
                ProjectionSchema.migrate(connection, file);
                return null;
            });
        } catch (SQLException e) {
            throw new EventStoreException("could not prepare " + file + " for projections: " + e.getMessage(), e);
        }
        return factory;
    }

    /** Connections to {@code store}'s file, as {@code PostgresProjections.connections(store)} gives its schema's. */
    public static ConnectionFactory connections(SqliteEventStore store) {
        return connections(requireNonNull(store, "store").file().getParent());
    }

    /**
     * The read-model database beside {@code store}: its file, with SQLite's transactions; the same as
     * {@code PostgresProjections.readModels(store)} on the other backend, and as the deployment's
     * {@link JdbcReadModels} capability, which is the way that does not name a backend.
     */
    public static JdbcReadModels readModels(SqliteEventStore store) {
        return new JdbcReadModels(connections(store), DIALECT);
    }

    /** The read-model database of the store in {@code dataDirectory}: its file, with SQLite's transactions. */
    public static JdbcReadModels readModels(Path dataDirectory) {
        return new JdbcReadModels(connections(dataDirectory), DIALECT);
    }

    /** The projections' bookkeeping in {@code dataDirectory}'s store, as the CLI uses it. Close it when done. */
    public static JdbcProjectionStates states(Path dataDirectory) {
        return new JdbcProjectionStates(connections(dataDirectory), DIALECT);
    }

    /** A read model made of {@code tables} in {@code store}'s file. Close it after its runner. */
    public static JdbcReadModelStore readModel(SqliteEventStore store, List<ReadModelTable> tables) {
        return new JdbcReadModelStore(connections(store), tables, DIALECT);
    }

    /**
     * The events of the store in {@code dataDirectory}, read without its directory lock, so that a tool
     * (such as {@code annals replay}) reads while the application holds the store open: each page on a
     * connection of its own. Reads only; nothing to close.
     *
     * @throws EventStoreException when the directory holds no store
     */
    public static EventReader events(Path dataDirectory) {
        var connections = connections(dataDirectory);
        ConnectionLender lender = new ConnectionLender() {
            @Override
            public <T> T withConnection(SqlWork<T> work) {
                try (var connection = LockWaits.retryWhileBusy(DIALECT, connections::open)) {
                    return LockWaits.retryWhileBusy(DIALECT, () -> work.run(connection));
                } catch (SQLException e) {
                    throw new EventStoreException(
                            "reading the SQLite store in " + dataDirectory + " failed: " + e.getMessage(), e);
                }
            }
        };
        return new JdbcEventReader(DIALECT, lender, SqliteOptions.defaults().readPageSize());
    }

    /** Connections to one store file, whose writes queue behind its writer's when that is open in this process. */
    private record FileConnections(Path file) implements ConnectionFactory {
        @Override
        public Connection open() throws SQLException {
            return SqliteProjections.open(file);
        }

        @Override
        public Optional<Lock> writeTurn() {
            return WriteTurns.of(file);
        }
    }

    private static Connection open(Path file) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // No wait in the driver: projection work runs on virtual threads, and a wait in native code pins their
        // carrier. The JDBC projection classes wait for the lock in Java instead (LockWaits).
        config.setBusyTimeout(0);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        var connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var statement = connection.createStatement()) {
            // SQLite checkpoints the WAL at the end of any commit that leaves it longer than this, inside that
            // commit, fsyncs included: at the default (1,000 pages) read-model commits ran checkpoints and
            // their events waited for them. The store's writer and its checkpointer keep the WAL shorter
            // while the store is open (4 MiB); this bound only matters when projections write alone.
            statement.execute("PRAGMA wal_autocheckpoint = "
                    + SqliteConnections.pages(connection, PROJECTION_WAL_AUTOCHECKPOINT_BYTES));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}

package dev.annals.store.sqlite.internal;

import dev.annals.store.EventStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Creates and upgrades the schema with Flyway, from the SQL files in {@code dev/annals/store/sqlite/migration},
 * as the PostgreSQL store does from its own (docs/adr/0028).
 *
 * <p>Version 1: the log and its keys. Version 2: the projections' state. Version 3: snapshots and the audit
 * trail's hash chain. Version 4: erasure (stream marks, subject keys). Version 5: the stream index the writer
 * fills in batches (docs/adr/0015). Each file also sets {@code PRAGMA user_version} to its version, which is
 * how stores recorded their version before Flyway, and what the read-only open checks.
 *
 * <p>Opening a current store costs one query (the user version, and whether Flyway's history table exists):
 * Flyway, whose start and validation cost milliseconds, runs only when there is something to do. A store
 * written before Flyway (a user version but no history) is baselined at its user version, and the files
 * after it bring it up to date. Flyway takes no lock on SQLite, so a migration runs under a file lock of its
 * own ({@code annals.db.migration-lock}) and a lock of this process, and looks at the version again once it
 * holds them.
 */
final class SqliteSchema {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSchema.class);

    /** The schema version this code writes and reads. */
    public static final int CURRENT_VERSION = 6;

    private static final String HISTORY = "flyway_schema_history";
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** A file lock keeps other processes out, not other threads of this one: they would get an exception. */
    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private SqliteSchema() {}

    /** Brings the database on {@code connection}, the file {@code file}, to {@link #CURRENT_VERSION}. */
    @SuppressWarnings("try") // the file lock is held for the block, never read
    public static void migrate(Connection connection, Path file) throws SQLException {
        if (current(connection, file)) {
            return;
        }
        Path lockFile = file.resolveSibling(file.getFileName() + ".migration-lock");
        IN_THIS_PROCESS.lock();
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            // Another process (the CLI, say) may have migrated since the first look; look again under the lock.
            if (current(connection, file)) {
                return;
            }
            int version = userVersion(connection);
            var result = flyway(file, version).load().migrate();
            LOG.info(
                    "migrated SQLite store {} from schema version {} to {} ({} migration(s))",
                    file,
                    version,
                    result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (IOException e) {
            throw new EventStoreException("could not lock " + file + " to upgrade its schema: " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new EventStoreException(
                    "upgrading the schema of the SQLite store " + file + " failed: " + e.getMessage(), e);
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    /**
     * Checks, without writing, that the database on {@code connection} has {@link #CURRENT_VERSION}: a
     * read-only open can neither create nor upgrade it.
     *
     * @throws EventStoreException naming the file and both versions otherwise
     */
    static void requireCurrent(Connection connection, Path file) throws SQLException {
        int version = userVersion(connection);
        requireKnown(version, file);
        if (version < CURRENT_VERSION) {
            throw new EventStoreException("database " + file + " has schema version " + version + ", older than"
                    + " this Annals version's (" + CURRENT_VERSION + "): it cannot be upgraded while opened"
                    + " read-only; open it once for writing (the server, or any command that writes)");
        }
    }

    /** True when the schema is current and Flyway's history says so; fails when it is newer than this code. */
    private static boolean current(Connection connection, Path file) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT (SELECT user_version FROM pragma_user_version),"
                        + " EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + HISTORY + "')")) {
            row.next();
            int version = row.getInt(1);
            requireKnown(version, file);
            return version == CURRENT_VERSION && row.getBoolean(2);
        }
    }

    private static void requireKnown(int version, Path file) {
        if (version > CURRENT_VERSION) {
            throw new EventStoreException("database " + file + " has schema version " + version
                    + ", newer than this Annals version understands (" + CURRENT_VERSION + ")");
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Flyway's connections: the same file, waiting in the driver for a writer's lock (a migration is rare). */
    /**
     * Flyway's settings for the store in {@code file}, at user version {@code version}. Its log lines go to
     * SLF4J, as every other line of Annals does, whatever else is on the application's class path.
     */
    static FluentConfiguration flyway(Path file, int version) {
        return Flyway.configure(SqliteSchema.class.getClassLoader())
                .loggers("slf4j")
                .dataSource(dataSource(file))
                .locations(new SqliteDialect().migrations())
                .table(HISTORY)
                // One transaction for all the files a store lacks: a new store pays one commit, not five.
                .group(true)
                .baselineOnMigrate(version > 0)
                .baselineVersion(String.valueOf(Math.max(version, 1)))
                .baselineDescription("schema version " + version + " from PRAGMA user_version");
    }

    private static SQLiteDataSource dataSource(Path file) {
        var config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // As the store's own connections: in WAL mode a commit is atomic without an fsync of its own.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}

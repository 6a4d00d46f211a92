package dev.annals.store.sqlite.internal;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the store's database file with the settings each role needs. */
public final class SqliteConnections {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private SqliteConnections() {
    }

    /**
     * The writer's connection: WAL with synchronous FULL, so a COMMIT returns only once the WAL is
     * fsynced; automatic checkpoints off, because {@link Checkpointer} runs them on its own thread and
     * keeps that I/O out of the commit path.
     */
    public static Connection writer(Path file) throws SQLException {
        var config = common();
        config.setCacheSize(-32_000);
        var connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("PRAGMA journal_size_limit = 67108864");
        }
        return connection;
    }

    /** A connection that only reads. */
    public static Connection reader(Path file) throws SQLException {
        var config = common();
        config.setCacheSize(-8_000);
        var connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
        }
        return connection;
    }

    /** A connection for running checkpoints. */
    public static Connection checkpointer(Path file) throws SQLException {
        return common().createConnection(url(file));
    }

    private static SQLiteConfig common() {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Otherwise the driver runs a second query after every INSERT to fetch the rowid, which Annals never asks for.
        config.setGetGeneratedKeys(false);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}

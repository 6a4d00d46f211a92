package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens connections to the store's database file with the settings each role needs. */
final class SqliteConnections {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * Every append adds an entry at the end of its own stream's range of the stream index, so a commit of
     * N appends to N streams writes N index pages to the WAL. Small pages make those writes small: with
     * 64 streams and 50 single-event appends per commit, 1 KiB pages write 93 KiB per commit where SQLite's
     * default 4 KiB pages write 262 KiB. 512-byte pages save a little more but write more frames, deepen the
     * trees and split larger events over more overflow pages.
     */
    static final int PAGE_SIZE = 1024;

    /**
     * How much of the file readers map into memory. Reading pages from the mapping instead of copying them
     * through SQLite's page cache made a replay of the global stream about 20% faster (docs/benchmarks.md).
     * It is address space, not memory: the operating system's page cache backs it either way. Writes still
     * go through the WAL; SQLite reads the WAL's newer pages as before.
     */
    static final long READER_MMAP_BYTES = 1L << 30;

    /**
     * WAL pages after which the writer checkpoints on its own, between two transactions: 8 MiB of 1 KiB
     * pages. Only the bound: {@link Checkpointer} restarts the WAL at half that, off the writer thread.
     */
    static final int WRITER_WAL_AUTOCHECKPOINT_PAGES = 2 * Checkpointer.RESTART_PAGES;

    private SqliteConnections() {}

    /**
     * The writer's connection: WAL with synchronous FULL, so a COMMIT returns only once the WAL is
     * fsynced.
     *
     * <p>{@link Checkpointer} copies the WAL back and restarts it on its own thread. The writer's automatic
     * checkpoint is kept only as the bound should that thread fall behind: a WAL that is never restarted
     * grows without bound (seen: 95 MB within seconds), and every commit then also extends the file, which
     * makes each fsync dearer.
     */
    static Connection writer(Path file) throws SQLException {
        var config = common();
        config.setCacheSize(-32_000);
        var connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            // Only a new, empty file takes the page size, and only before it is switched to WAL.
            statement.execute("PRAGMA page_size = " + PAGE_SIZE);
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_WAL_AUTOCHECKPOINT_PAGES);
            statement.execute("PRAGMA journal_size_limit = 67108864");
        }
        // Read models in the same file take the write lock too; wait for them in short steps.
        ShortWaitBusyHandler.install(connection);
        return connection;
    }

    /** A connection that only reads. */
    static Connection reader(Path file) throws SQLException {
        var config = common();
        config.setCacheSize(-8_000);
        var connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
            statement.execute("PRAGMA mmap_size = " + READER_MMAP_BYTES);
        }
        return connection;
    }

    /**
     * A connection of a store opened read-only ({@code SqliteReadOnlyStore}): opened with
     * SQLITE_OPEN_READONLY and {@code query_only}, so that nothing it runs can write, beside a writer in
     * another process. It sets no journal mode or page size: those are the writer's, kept in the file.
     */
    static Connection readOnly(Path file) throws SQLException {
        var config = common();
        config.setReadOnly(true);
        config.setCacheSize(-8_000);
        var connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
            statement.execute("PRAGMA mmap_size = " + READER_MMAP_BYTES);
        }
        return connection;
    }

    /** A connection for running checkpoints. */
    static Connection checkpointer(Path file) throws SQLException {
        return common().createConnection(url(file));
    }

    private static SQLiteConfig common() {
        var config = new SQLiteConfig();
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

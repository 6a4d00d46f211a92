package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens connections to the store's database file with the settings each role needs. */
public final class SqliteConnections {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * The page size of new files: SQLite's default of 4 KiB (docs/adr/0050). Files made before 7 December
     * 2026 keep the 1 KiB pages they were made with, chosen when every commit of appends to many streams also
     * wrote one index page per stream; since the stream index is written in batches (ADR 0015) a commit
     * writes few pages, and larger ones mean fewer WAL frames, fewer B-tree levels and fewer overflow pages
     * for every batch, read and checkpoint.
     */
    static final int PAGE_SIZE = 4096;

    /**
     * How much of the file readers map into memory. Reading pages from the mapping instead of copying them
     * through SQLite's page cache made a replay of the global stream about 20% faster (docs/benchmarks.md).
     * It is address space, not memory: the operating system's page cache backs it either way. Writes still
     * go through the WAL; SQLite reads the WAL's newer pages as before.
     */
    static final long READER_MMAP_BYTES = 1L << 30;

    /**
     * WAL bytes after which the writer checkpoints on its own, between two transactions: 8 MiB. Only the
     * bound: {@link Checkpointer} restarts the WAL at half that, off the writer thread.
     */
    static final long WRITER_WAL_AUTOCHECKPOINT_BYTES = 2 * Checkpointer.RESTART_BYTES;

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
            statement.execute("PRAGMA wal_autocheckpoint = " + pages(connection, WRITER_WAL_AUTOCHECKPOINT_BYTES));
            statement.execute("PRAGMA journal_size_limit = 67108864");
        }
        // Read models in the same file take the write lock too; wait for them in short steps.
        ShortWaitBusyHandler.install(connection);
        return connection;
    }

    /** The page size of the file {@code connection} is open on: {@link #PAGE_SIZE}, or an older file's own. */
    static int pageSize(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("PRAGMA page_size")) {
            return row.next() ? row.getInt(1) : PAGE_SIZE;
        }
    }

    /**
     * {@code bytes} in pages of the file {@code connection} is open on: the WAL's bounds are set in bytes
     * (ADR 0050) so that files of either page size keep WALs of the same size.
     */
    public static long pages(Connection connection, long bytes) throws SQLException {
        return bytes / pageSize(connection);
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

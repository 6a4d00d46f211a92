package dev.annals.store.sqlite.internal;

import dev.annals.store.EventStoreException;
import dev.annals.store.sqlite.SqliteOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an open store holds on its file: the directory lock, the writer, the checkpointer and the
 * read connections; opened in order and closed in reverse.
 */
public final class SqliteFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TailPositions tailPositions = new TailPositions();
    private final SqliteDialect dialect = new SqliteDialect(tailPositions);
    private Checkpointer checkpointer;
    private AppendWriter writer;
    private ReadConnections readers;

    private SqliteFiles(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens {@code file}, creating it, its directory and its schema when absent. */
    public static SqliteFiles open(Path file, SqliteOptions options) {
        var files = lock(file);
        try {
            files.start(options);
            return files;
        } catch (SQLException | RuntimeException e) {
            files.close();
            if (e instanceof EventStoreException known) {
                throw known;
            }
            throw new EventStoreException("could not open the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    private static SqliteFiles lock(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(
                    file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return new SqliteFiles(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new EventStoreException("the SQLite store " + file + " is already open in this or another process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EventStoreException(
                    "could not create or lock the SQLite store " + file + ": " + e.getMessage(), e);
        }
    }

    private void start(SqliteOptions options) throws SQLException {
        Connection connection = SqliteConnections.writer(file);
        var state = new WriterState(dialect, options.cachedStreams());
        try {
            SqliteSchema.migrate(connection, file);
            StreamIndex.catchUpAtOpen(connection, file);
            state.reload(connection);
            checkpointer = new Checkpointer(file);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        writer = new AppendWriter(file, dialect, connection, state, checkpointer, tailPositions, options);
        readers = new ReadConnections(file, options.readConnections());
        LOG.info("opened SQLite event store {} at head position {}", file, state.nextPosition() - 1);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The dialect reads and writes use. */
    public SqliteDialect dialect() {
        return dialect;
    }

    /** The single writer. */
    public AppendWriter writer() {
        return writer;
    }

    /** The pool of read connections. */
    public ReadConnections readers() {
        return readers;
    }

    /** Writes what is queued, then closes the writer, the checkpointer and the readers, and unlocks. */
    @Override
    public void close() {
        if (writer != null) {
            writer.stop();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (readers != null) {
            readers.close();
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("releasing the lock on {} failed: {}", file, e.getMessage());
        }
        closeQuietly(lockChannel);
        LOG.info("closed SQLite event store {}", file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more can be done about a lock file that will not close.
            }
        }
    }
}

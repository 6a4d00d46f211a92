package dev.annals.store.sqlite.internal;

import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.ConnectionLender;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A small fixed pool of read connections. WAL lets them read while the writer commits; a caller that
 * finds them all busy waits for one.
 */
public final class ReadConnections implements ConnectionLender, AutoCloseable {

    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    /** Opens {@code size} read connections to {@code file}. */
    public ReadConnections(Path file, int size) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                var connection = SqliteConnections.reader(file);
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        if (closed) {
            throw new EventStoreException("the SQLite store at " + file + " is closed");
        }
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a read connection to " + file, e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException("reading " + file + " failed: " + e.getMessage(), e);
        } finally {
            idle.add(connection);
        }
    }

    /** Closes every connection; later reads fail. */
    @Override
    public void close() {
        closed = true;
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing is best effort: the file stays consistent whatever happens to a reader.
            }
        }
    }
}

package dev.annals.bench.compare.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed-size pool of connections in manual-commit mode, all opened when the pool is made (so that no
 * measurement includes opening one). A size of 1 serializes the
 * writers in the process, which is how SQLite is best driven without group commit: its single write lock
 * would otherwise be fought over through its sleeping busy handler.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Opens one connection. */
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final int size;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    public ConnectionPool(Opener opener, int size) throws SQLException {
        this.opener = opener;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                giveBack(borrow());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while opening connections", e);
        }
    }

    /** Takes an idle connection, opening one while fewer than the size exist, else waiting for one. */
    public Connection borrow() throws SQLException, InterruptedException {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (all) {
            if (all.size() < size) {
                Connection opened = opener.open();
                opened.setAutoCommit(false);
                all.add(opened);
                return opened;
            }
        }
        return idle.take();
    }

    /** Gives a connection back; its transaction must be over. */
    public void giveBack(Connection connection) {
        idle.add(connection);
    }

    @Override
    public void close() throws SQLException {
        synchronized (all) {
            for (Connection connection : all) {
                connection.close();
            }
            all.clear();
        }
    }
}

package dev.annals.store.sqlite.internal;

import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.ConnectionLender;
import dev.annals.store.jdbc.append.BatchFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A small fixed pool of read connections. WAL lets them read while the writer commits; a caller that
 * finds them all busy waits for one.
 *
 * <p>Each connection keeps the statements it prepared for {@link #withStatement} and reuses them: SQLite
 * compiles a statement on every prepare, and for a stream read of a few events that took longer than
 * running it.
 */
public final class ReadConnections implements ConnectionLender, AutoCloseable {

    /** Only classifies errors. */
    private static final SqliteDialect DIALECT = new SqliteDialect();

    /** Statements kept per connection; reads use a handful of distinct queries. */
    private static final int STATEMENTS_PER_CONNECTION = 32;

    /** Query results kept per connection for {@link #withCachedQuery}: the most recently used. */
    private static final int RESULTS_PER_CONNECTION = 64;

    private final Path file;
    private final BlockingQueue<Reader> idle;
    private final List<Reader> all = new ArrayList<>();
    private volatile boolean closed;

    /** Opens {@code size} read connections to {@code file}. */
    public ReadConnections(Path file, int size) throws SQLException {
        this(file, size, SqliteConnections::reader);
    }

    /**
     * Opens {@code size} read-only connections to {@code file}, which must exist and hold the current
     * schema: nothing here creates or upgrades it.
     *
     * @throws EventStoreException when the schema is older or newer than this code's
     */
    public static ReadConnections readOnly(Path file, int size) throws SQLException {
        var connections = new ReadConnections(file, size, SqliteConnections::readOnly);
        try {
            connections.withConnection(connection -> {
                SqliteSchema.requireCurrent(connection, file);
                return null;
            });
            return connections;
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    private ReadConnections(Path file, int size, Opener opener) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                var reader = new Reader(opener.open(file));
                all.add(reader);
                idle.add(reader);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        return lend(reader -> work.run(reader.connection));
    }

    @Override
    public <T> T withStatement(String sql, StatementWork<T> work) {
        return lend(reader -> {
            var statement = reader.prepared(sql);
            try {
                return work.run(statement);
            } finally {
                statement.clearParameters();
            }
        });
    }

    /**
     * Answers from this connection's results while SQLite's {@code data_version} says that no other
     * connection (this store's writer, or any other process) committed since they were read; the reader
     * connections themselves never write ({@code query_only}). The version is asked before the query, so a
     * commit between the two only costs the next caller a miss.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T withCachedQuery(
            Object key, String sql, StatementWork<T> work, java.util.function.Predicate<? super T> worthKeeping) {
        return lend(reader -> {
            var results = reader.results();
            T kept = (T) results.get(key);
            if (kept != null) {
                return kept;
            }
            var statement = reader.prepared(sql);
            T result;
            try {
                result = work.run(statement);
            } finally {
                statement.clearParameters();
            }
            if (worthKeeping.test(result)) {
                results.put(key, result);
            }
            return result;
        });
    }

    private <T> T lend(ReaderWork<T> work) {
        if (closed) {
            throw new EventStoreException("the SQLite store is closed");
        }
        Reader reader;
        try {
            reader = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a read connection to " + file, e);
        }
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw BatchFailure.readFailure(DIALECT, "reading the SQLite store", e);
        } finally {
            idle.add(reader);
        }
    }

    /** Closes every connection; later reads fail. */
    @Override
    public void close() {
        closed = true;
        for (Reader reader : all) {
            try {
                reader.connection.close();
            } catch (SQLException e) {
                // Closing is best effort: the file stays consistent whatever happens to a reader.
            }
        }
    }

    @FunctionalInterface
    private interface Opener {
        Connection open(Path file) throws SQLException;
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T run(Reader reader) throws SQLException;
    }

    /** One connection and the statements prepared on it, the least recently used dropped first. */
    private static final class Reader {

        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
        private final Map<Object, Object> results = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > RESULTS_PER_CONNECTION;
            }
        };
        private long resultsVersion = -1;

        Reader(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepared(String sql) throws SQLException {
            var statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
                if (statements.size() > STATEMENTS_PER_CONNECTION) {
                    var eldest = statements.entrySet().iterator();
                    eldest.next().getValue().close();
                    eldest.remove();
                }
            }
            return statement;
        }

        /** The results kept on this connection, emptied first when anything was committed since they were read. */
        Map<Object, Object> results() throws SQLException {
            long version;
            try (var row = prepared("PRAGMA data_version").executeQuery()) {
                version = row.next() ? row.getLong(1) : -1;
            }
            if (version != resultsVersion || version == -1) {
                results.clear();
                resultsVersion = version;
            }
            return results;
        }
    }
}

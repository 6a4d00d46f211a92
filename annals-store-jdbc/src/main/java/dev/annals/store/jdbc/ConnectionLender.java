package dev.annals.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Lends a connection for one short piece of work and takes it back afterwards.
 *
 * <p>Readers borrow a connection per page, never across pages, so a caller iterating slowly over a
 * read holds no connection. An implementation may be a small pool (SQLite) or a {@code DataSource}
 * such as HikariCP (PostgreSQL).
 */
@FunctionalInterface
public interface ConnectionLender {

    /**
     * Runs {@code work} with a connection and returns what it returns.
     *
     * @throws dev.annals.store.EventStoreException when no connection could be had or the work failed
     */
    <T> T withConnection(SqlWork<T> work);

    /**
     * Runs {@code work} with {@code sql} prepared on a borrowed connection. By default the statement is
     * prepared for this call and closed after it; a lender may keep statements per connection and hand the
     * same one out again (the SQLite pool does: preparing a stream read cost as much as running a short one).
     * The work must close the result sets it opens and must not close or keep the statement.
     */
    default <T> T withStatement(String sql, StatementWork<T> work) {
        return withConnection(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        });
    }

    /**
     * Runs {@code work} as {@link #withStatement} does, for a query whose result depends on nothing but
     * {@code key} (which names the SQL and every value the work binds) and what the database holds. A
     * lender that can tell that nothing was committed to the database since it ran the same key on the
     * same connection may answer with that result instead of running the work: the SQLite pool does,
     * asking SQLite's {@code data_version}, which moves with every commit of any other connection or
     * process. Only a result that {@code worthKeeping} accepts is kept. The result must not be changed by
     * anyone afterwards. By default the work simply runs.
     */
    default <T> T withCachedQuery(
            Object key, String sql, StatementWork<T> work, java.util.function.Predicate<? super T> worthKeeping) {
        return withStatement(sql, work);
    }

    /** Work done with a prepared statement on a borrowed connection. */
    @FunctionalInterface
    interface StatementWork<T> {
        /** Binds, runs and reads; the statement must not be kept after returning. */
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        /** Does the work; the connection must not be kept after returning. */
        T run(Connection connection) throws SQLException;
    }
}

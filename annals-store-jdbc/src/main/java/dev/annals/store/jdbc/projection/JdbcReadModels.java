package dev.annals.store.jdbc.projection;

import dev.annals.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The database that holds a store's read models, and the dialect it speaks (how its transactions start,
 * which errors are lock waits): what a backend hands to code that builds read models without knowing which
 * backend it is.
 *
 * <p>Every database backend offers one as a capability of its deployment, so code that reads and writes read
 * models changes nothing but the store's location when it moves from SQLite to PostgreSQL:
 *
 * <pre>{@code
 * try (var deployment = Backends.installed().open(location, OpenOptions.defaults())) {
 *     var readModels = deployment.require(JdbcReadModels.class, "SQL read models");
 *     List<String> titles = readModels.query("SELECT title FROM books WHERE shelf = ?", row -> row.getString(1), 7);
 * }
 * }</pre>
 *
 * @param connections       new connections to the database
 * @param dialect           the backend's dialect
 * @param runnerConnections new connections for a runner's read-model writes, where a backend needs them set up
 *                          apart (PostgreSQL's store pool rewrites batched inserts, which batched upserts must
 *                          not have: ADR 0040); the same as {@code connections} otherwise
 */
public record JdbcReadModels(ConnectionFactory connections, SqlDialect dialect, ConnectionFactory runnerConnections) {

    public JdbcReadModels {
        requireNonNull(connections, "connections");
        requireNonNull(dialect, "dialect");
        requireNonNull(runnerConnections, "runnerConnections");
    }

    /** Read models whose runners write on the same connections as queries read. */
    public JdbcReadModels(ConnectionFactory connections, SqlDialect dialect) {
        this(connections, dialect, connections);
    }

    /** A read model made of {@code tables}, for one runner; the caller closes it. */
    public JdbcReadModelStore store(List<ReadModelTable> tables) {
        return new JdbcReadModelStore(runnerConnections, tables, dialect);
    }

    /**
     * The rows {@code sql} selects with {@code parameters} bound in order, each mapped by {@code mapper}, on a
     * connection of its own that is closed before this returns. Queries read a read model by its name (the view
     * of its live version), as {@code SELECT ... FROM balances}. Nothing is cached.
     *
     * @throws ReadModelQueryException when the database refuses the query or the mapper throws an SQLException
     */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        requireNonNull(sql, "sql");
        requireNonNull(mapper, "mapper");
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var values = new ArrayList<T>();
                while (rows.next()) {
                    values.add(mapper.map(rows));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new ReadModelQueryException(e);
        }
    }

    /**
     * The one row {@code sql} selects, mapped; empty when it selects none.
     *
     * @throws ReadModelQueryException when the query fails, or selects more than one row
     */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        var values = query(sql, mapper, parameters);
        if (values.size() > 1) {
            throw new ReadModelQueryException(
                    new SQLException("expected at most one row, the query selected " + values.size()));
        }
        return values.stream().findFirst();
    }

    /** The projections' bookkeeping; the caller closes it. */
    public JdbcProjectionStates states() {
        return new JdbcProjectionStates(connections, dialect);
    }
}

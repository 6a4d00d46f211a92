package dev.annals.store.jdbc.projection;

import dev.annals.store.jdbc.SqlDialect;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The database that holds a store's read models, and the dialect it speaks (how its transactions start,
 * which errors are lock waits): what a backend hands to code that builds read models without knowing which
 * backend it is.
 *
 * @param connections new connections to the database
 * @param dialect     the backend's dialect
 */
public record JdbcReadModels(ConnectionFactory connections, SqlDialect dialect) {

    public JdbcReadModels {
        requireNonNull(connections, "connections");
        requireNonNull(dialect, "dialect");
    }

    /** A read model made of {@code tables}, for one runner; the caller closes it. */
    public JdbcReadModelStore store(List<ReadModelTable> tables) {
        return new JdbcReadModelStore(connections, tables, dialect);
    }

    /** The projections' bookkeeping; the caller closes it. */
    public JdbcProjectionStates states() {
        return new JdbcProjectionStates(connections, dialect);
    }
}

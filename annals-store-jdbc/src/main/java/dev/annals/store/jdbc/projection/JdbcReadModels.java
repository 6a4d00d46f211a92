package dev.annals.store.jdbc.projection;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The database that holds a store's read models, and how its transactions start: what a backend hands
 * to code that builds read models without knowing which backend it is.
 *
 * @param connections    new connections to the database
 * @param beginStatement how a read-model transaction starts ({@code BEGIN IMMEDIATE} on SQLite)
 */
public record JdbcReadModels(ConnectionFactory connections, String beginStatement) {

    public JdbcReadModels {
        requireNonNull(connections, "connections");
        requireNonNull(beginStatement, "beginStatement");
    }

    /** A read model made of {@code tables}, for one runner; the caller closes it. */
    public JdbcReadModelStore store(List<ReadModelTable> tables) {
        return new JdbcReadModelStore(connections, tables, beginStatement);
    }

    /** The projections' bookkeeping; the caller closes it. */
    public JdbcProjectionStates states() {
        return new JdbcProjectionStates(connections, beginStatement);
    }
}

package dev.annals.store.postgres;

import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.ReadModelConformance;
import dev.annals.store.jdbc.projection.ReadModelTable;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read-model conformance suite on PostgreSQL: read models and checkpoints in the store's schema, and
 * an operator on a plain connection of its own, as the CLI has in another process.
 */
class PostgresProjectionTest extends ReadModelConformance {

    private PostgresOptions options;

    @Override
    protected EventStore openStore() {
        options = TestDatabase.newOptions();
        return PostgresEventStore.open(TestDatabase.URL, options);
    }

    @Override
    protected JdbcReadModelStore openReadModel(EventStore store, List<ReadModelTable> tables) {
        return PostgresProjections.readModel((PostgresEventStore) store, tables);
    }

    @Override
    protected JdbcProjectionStates openOperator() {
        return PostgresProjections.states(new PostgresAddress(TestDatabase.URL, options.schema()));
    }

    @Override
    protected Map<String, Long> tallies() {
        return tallied("total");
    }

    @Override
    protected Map<String, Long> talliedEvents() {
        return tallied("events");
    }

    private Map<String, Long> tallied(String column) {
        var totals = new TreeMap<String, Long>();
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var rows =
                        statement.executeQuery("SELECT stream, " + column + " FROM " + options.schema() + ".tallies")) {
            while (rows.next()) {
                totals.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("querying the tallies view failed: " + e.getMessage(), e);
        }
        return totals;
    }

    @Override
    protected boolean tableExists(String name) {
        try (var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            statement.setString(1, options.schema());
            statement.setString(2, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up table " + name + " failed: " + e.getMessage(), e);
        }
    }
}

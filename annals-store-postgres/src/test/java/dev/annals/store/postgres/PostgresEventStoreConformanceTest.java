package dev.annals.store.postgres;

import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;

import java.sql.SQLException;

/**
 * The PostgreSQL store passes the conformance suite. One schema serves the whole class, emptied before
 * each store is opened, since creating a schema per test would make the suite slow.
 */
class PostgresEventStoreConformanceTest extends EventStoreConformance {

    private static final String SCHEMA = TestDatabase.newSchema();

    @Override
    protected EventStore newStore() {
        var store = PostgresEventStore.open(TestDatabase.URL, PostgresOptions.defaults().withSchema(SCHEMA)
                .withListen(false));
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + SCHEMA + ".events, " + SCHEMA + ".streams, " + SCHEMA + ".event_types");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("emptying schema " + SCHEMA + " failed", e);
        }
        return store;
    }
}

package dev.annals.store.postgres;

import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.SQLException;

/**
 * The PostgreSQL store passes the conformance suite. One schema serves the whole class, emptied before
 * each store is opened, and one connection pool serves every store, since creating a schema or a pool
 * per test would make the suite slow. The pool lives as long as the test JVM.
 */
class PostgresEventStoreConformanceTest extends EventStoreConformance {

    private static final String SCHEMA = TestDatabase.newSchema();
    private static final HikariDataSource POOL = pool();

    private static HikariDataSource pool() {
        var config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.URL);
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    @Override
    protected EventStore newStore() {
        var store = PostgresEventStore.open(POOL, PostgresOptions.defaults().withSchema(SCHEMA)
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

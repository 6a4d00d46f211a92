package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.annals.store.EventStore;
import dev.annals.testkit.conformance.EventStoreConformance;
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

    /** A trigger in the test schema refuses the poisoned payload, as a constraint of the database would. */
    @Override
    protected boolean poison(EventStore store) {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE OR REPLACE FUNCTION " + SCHEMA + ".poison() RETURNS trigger LANGUAGE plpgsql AS $$"
                            + " BEGIN IF NEW.payload = convert_to('" + POISON + "', 'UTF8') THEN"
                            + " RAISE EXCEPTION 'poisoned event'; END IF; RETURN NEW; END $$");
            statement.execute("CREATE OR REPLACE TRIGGER poison BEFORE INSERT ON " + SCHEMA + ".events"
                    + " FOR EACH ROW EXECUTE FUNCTION " + SCHEMA + ".poison()");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the poison trigger in " + SCHEMA, e);
        }
    }

    @Override
    protected EventStore newStore() {
        var store = PostgresEventStore.open(
                POOL, PostgresOptions.defaults().withSchema(SCHEMA).withListen(false));
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + SCHEMA + ".events, " + SCHEMA + ".streams, " + SCHEMA + ".event_types");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("emptying schema " + SCHEMA + " failed", e);
        }
        return store;
    }
}

package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL the tests run against: {@code ANNALS_TEST_POSTGRES_URL} (system property or environment
 * variable), else the local server at 127.0.0.1:5432, database {@code test}, user {@code postgres}.
 * The root {@code run-tests} script starts a throwaway server and sets the variable when none answers.
 *
 * <p>Every schema handed out has a random name and is dropped when the test JVM exits. Other modules' tests
 * use it through this module's test jar.
 */
public final class TestDatabase {

    public static final String URL = System.getProperty(
            "ANNALS_TEST_POSTGRES_URL",
            System.getenv()
                    .getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
    }

    private TestDatabase() {}

    /** A new schema name, dropped at exit; the store creates the schema itself. */
    public static String newSchema() {
        var name =
                "annals_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        SCHEMAS.add(name);
        return name;
    }

    /** Options for a store in a new schema. */
    public static PostgresOptions newOptions() {
        return PostgresOptions.defaults().withSchema(newSchema());
    }

    /** The address of a store in a new schema, as {@code --store} takes it: {@code postgresql://...?schema=x}. */
    public static String newStoreAddress() {
        return URL.replaceFirst("^jdbc:", "") + (URL.contains("?") ? "&" : "?") + "schema=" + newSchema();
    }

    /** The address of the store in {@code schema}, as {@code --store} takes it. */
    public static PostgresAddress address(String schema) {
        return PostgresAddress.parse(
                URL.replaceFirst("^jdbc:", "") + (URL.contains("?") ? "&" : "?") + "schema=" + schema);
    }

    /**
     * A pool of a few connections, none kept idle, for a test's store: the test database is shared, and a
     * store's own pool would take 16. The test closes it after the store.
     */
    public static HikariDataSource smallPool() {
        var config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** A plain connection to the test database, for a test's own SQL. */
    public static Connection connect() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "no PostgreSQL answers at " + URL + "; start one or run ./run-tests,"
                            + " which starts a throwaway server when none answers at 127.0.0.1:5432",
                    e);
        }
    }

    private static void dropAll() {
        if (SCHEMAS.isEmpty()) {
            return;
        }
        try (var connection = DriverManager.getConnection(URL);
                var statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + SCHEMAS + ": " + e.getMessage());
        }
    }
}

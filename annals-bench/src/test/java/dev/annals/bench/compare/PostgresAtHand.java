package dev.annals.bench.compare;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** The test machine's PostgreSQL, when it answers: tests run their PostgreSQL parts only then. */
final class PostgresAtHand {

    static final String USER = "postgres";

    private PostgresAtHand() {}

    /** The JDBC URL of the PostgreSQL at 127.0.0.1:5432, database test, when it answers within 3 seconds. */
    static Optional<String> url() {
        var properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "3");
        try (var connection = DriverManager.getConnection(ComparisonOptions.DEFAULT_POSTGRES_URL, properties)) {
            return Optional.of(ComparisonOptions.DEFAULT_POSTGRES_URL);
        } catch (SQLException e) {
            System.err.println("PostgreSQL at " + ComparisonOptions.DEFAULT_POSTGRES_URL + " does not answer ("
                    + e.getMessage() + "): the PostgreSQL columns are left out of this test");
            return Optional.empty();
        }
    }

    /** How many schemas the benchmarks made are left in the database. */
    static long benchmarkSchemas(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", USER);
        try (var connection = DriverManager.getConnection(url, properties);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'annals_bench_%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

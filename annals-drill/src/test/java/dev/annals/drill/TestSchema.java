package dev.annals.drill;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A schema of a drill's own on the test PostgreSQL (ANNALS_TEST_POSTGRES_URL), dropped after the test. */
final class TestSchema {

    private static final String SERVER = System.getProperty(
            "ANNALS_TEST_POSTGRES_URL",
            System.getenv()
                    .getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private final String name =
            "annals_drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** The store location a drill takes: the server's address with this schema. */
    String location() {
        return SERVER.replaceFirst("^jdbc:", "") + (SERVER.contains("?") ? "&" : "?") + "schema=" + name;
    }

    /** Drops the schema and everything the drill left in it. */
    void drop() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}

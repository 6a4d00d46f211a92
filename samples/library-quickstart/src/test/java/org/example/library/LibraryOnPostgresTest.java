package org.example.library;

import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

// The PostgreSQL server of the build: the one ./run-tests names in ANNALS_TEST_POSTGRES_URL (a JDBC URL), else
// 127.0.0.1:5432, database test; each test has a schema of its own.
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LibraryOnPostgresTest extends LibraryContract {

    private static final String SERVER = server();

    private final String schema = "library_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    String location() {
        return SERVER + "&schema=" + schema;
    }

    private static String server() {
        String jdbc = System.getenv("ANNALS_TEST_POSTGRES_URL");
        return jdbc == null || jdbc.isBlank()
                ? "postgresql://127.0.0.1:5432/test?user=postgres"
                : jdbc.substring("jdbc:".length());
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:" + SERVER);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

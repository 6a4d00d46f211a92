package org.example.library;

import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

// The PostgreSQL server of the build (127.0.0.1:5432, database test); each test has a schema of its own.
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LibraryOnPostgresTest extends LibraryContract {

    private static final String SERVER = "postgresql://127.0.0.1:5432/test?user=postgres";

    private final String schema = "library_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    String location() {
        return SERVER + "&schema=" + schema;
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:" + SERVER);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

package dev.annals.cli;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL schema of a random name for one test, dropped after it, and the CLI run against it with
 * {@code --store}. The server is {@code ANNALS_TEST_POSTGRES_URL} (set by run-tests) or 127.0.0.1:5432.
 * Register with {@code @RegisterExtension final PostgresSchema postgres = new PostgresSchema();}.
 */
public final class PostgresSchema implements AfterEachCallback {

    /** The JDBC URL of the test server, user included. */
    public static final String JDBC_URL = System.getProperty(
            "ANNALS_TEST_POSTGRES_URL",
            System.getenv()
                    .getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private final String schema =
            "annals_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** The {@code --store} address of the schema: {@code postgresql://host:port/db?...&schema=NAME}. */
    public String store() {
        return JDBC_URL.replaceFirst("^jdbc:", "") + (JDBC_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    /** Runs {@code annals --store STORE ARGS...} with {@code data} as a data directory it must not need. */
    public Cli.Run run(Path data, String... args) {
        var all = new String[args.length + 2];
        all[0] = "--store";
        all[1] = store();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.onSqlite(data).runWithoutData(all);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try (var connection = DriverManager.getConnection(JDBC_URL);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

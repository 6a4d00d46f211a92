package dev.annals.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on a real PostgreSQL store chosen with {@code --store}, one run after another, in a schema of
 * their own that is dropped afterwards. The server is {@code ANNALS_TEST_POSTGRES_URL} (set by run-tests)
 * or the local one at 127.0.0.1:5432.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JDBC_URL = System.getProperty("ANNALS_TEST_POSTGRES_URL",
            System.getenv().getOrDefault("ANNALS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private final String schema = "annals_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    Path unused;

    private String store() {
        return JDBC_URL.replaceFirst("^jdbc:", "") + (JDBC_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    private Cli.Run run(String... args) {
        var all = new String[args.length + 2];
        all[0] = "--store";
        all[1] = store();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.onSqlite(unused.resolve("no-data")).runWithoutData(all);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(JDBC_URL); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void appends_reads_and_lists_streams_on_postgresql() throws Exception {
        var appended = run("append", "account-1", "Deposited", "{\"amount\":5}");
        var again = run("append", "account-1", "Withdrawn", "{\"amount\":2}", "--expected-version", "0");
        var read = run("read", "account-1");
        var streams = run("streams");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.outLines()).hasSize(2);
        var first = JSON.readTree(read.outLines().getFirst());
        assertThat(first.get("stream").asText()).isEqualTo("account-1");
        assertThat(first.get("position").asLong()).isEqualTo(1);
        assertThat(first.get("data").toString()).isEqualTo("{\"amount\":5}");
        assertThat(first.get("eventId").asText()).isEqualTo(JSON.readTree(appended.out()).get("eventId").asText());
        assertThat(JSON.readTree(read.outLines().get(1)).get("type").asText()).isEqualTo("Withdrawn");
        assertThat(streams.exitCode()).as(streams.err()).isZero();
        assertThat(streams.out()).contains("account-1");
        assertThat(unused.resolve("no-data")).doesNotExist();
    }

    @Test
    void refuses_a_wrong_expected_version_on_postgresql() {
        run("append", "account-1", "Deposited", "{\"amount\":5}");

        var refused = run("append", "account-1", "Deposited", "{\"amount\":6}", "--expected-version", "5");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines()).containsExactly(
                "annals: wrong expected version for stream 'account-1': expected 5, actual 0");
    }

    @Test
    void runs_the_demo_on_postgresql() {
        var demo = run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("PostgreSQL store").contains("schema " + schema);
    }

    @Test
    void lists_projections_and_dead_letters_kept_in_postgresql() {
        run("append", "account-1", "Deposited", "{\"amount\":5}");

        var projections = run("projections");
        var letters = run("dlq", "list");

        assertThat(projections.exitCode()).as(projections.err()).isZero();
        assertThat(letters.exitCode()).as(letters.err()).isZero();
        assertThat(letters.err()).isEmpty();
    }

    @Test
    void rejects_an_address_that_is_not_postgresql() {
        var rejected = Cli.onSqlite(unused).runWithoutData("--store", "mysql://localhost/db", "streams");

        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("not a PostgreSQL address");
    }
}

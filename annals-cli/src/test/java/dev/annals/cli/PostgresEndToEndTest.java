package dev.annals.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on a real PostgreSQL store chosen with {@code --store}, one run after another, in a schema of
 * their own that is dropped afterwards. The server is {@code ANNALS_TEST_POSTGRES_URL} (set by run-tests)
 * or the local one at 127.0.0.1:5432.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path unused;

    private String store() {
        return postgres.store();
    }

    private Cli.Run run(String... args) {
        return postgres.run(unused.resolve("no-data"), args);
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
        assertThat(first.get("eventId").asText())
                .isEqualTo(JSON.readTree(appended.out()).get("eventId").asText());
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
        assertThat(refused.errLines())
                .containsExactly("annals: wrong expected version for stream 'account-1': expected 5, actual 0");
    }

    @Test
    void runs_the_demo_on_postgresql() {
        var demo = run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("PostgreSQL store").contains("schema " + postgres.schema());
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
    void an_address_that_is_not_postgresql_is_bad_usage() {
        var rejected = Cli.onSqlite(unused).runWithoutData("--store", "mysql://localhost/db", "streams");

        assertThat(rejected.exitCode()).isEqualTo(2);
        assertThat(rejected.err()).contains("no backend for the store location");
    }
}

package dev.annals.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.store.EventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands on the real SQLite store, one process-like run after another on the same data directory. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private Cli cli() {
        return Cli.onSqlite(data());
    }

    private long headPosition() {
        try (EventStore store = cli().openStore()) {
            return store.headPosition();
        }
    }

    @Test
    void an_appended_event_is_read_back() throws Exception {
        var appended = cli().run("append", "account-1", "Deposited", "{\"amount\":5}");
        var read = cli().run("read", "account-1");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.err()).isEmpty();
        var event = JSON.readTree(read.outLines().getFirst());
        assertThat(read.outLines()).hasSize(1);
        assertThat(event.get("stream").asText()).isEqualTo("account-1");
        assertThat(event.get("version").asLong()).isZero();
        assertThat(event.get("position").asLong()).isEqualTo(1);
        assertThat(event.get("type").asText()).isEqualTo("Deposited");
        assertThat(event.get("data").toString()).isEqualTo("{\"amount\":5}");
        assertThat(event.get("eventId").asText())
                .isEqualTo(JSON.readTree(appended.out()).get("eventId").asText());
    }

    @Test
    void a_wrong_expected_version_prints_one_line_and_changes_nothing() {
        cli().run("append", "account-1", "Deposited", "{\"amount\":5}");

        var run = cli().run("append", "account-1", "Deposited", "{\"amount\":6}", "--expected-version", "5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("annals: wrong expected version for stream 'account-1': expected 5, actual 0");
        assertThat(headPosition()).isEqualTo(1);
    }

    @Test
    void malformed_json_is_rejected_before_the_store_is_even_created() {
        var run = cli().run("append", "account-1", "Deposited", "{\"amount\":");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: the event data is not well-formed JSON: ");
        assertThat(data()).doesNotExist();
    }

    @Test
    void an_empty_stream_name_is_rejected_before_the_store_is_even_created() {
        var run = cli().run("append", "", "Deposited", "{\"amount\":5}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: invalid stream name '': must not be empty");
        assertThat(data()).doesNotExist();
    }

    @Test
    void a_file_with_a_bad_line_writes_nothing_and_a_good_file_is_one_append() throws IOException {
        cli().run("append", "account-1", "Opened", "{}");
        Path bad = Files.writeString(
                temp.resolve("bad.ndjson"),
                "{\"type\":\"Deposited\",\"data\":{\"amount\":1}}\n{\"type\":\"Deposited\"}\n");
        Path good = Files.writeString(
                temp.resolve("good.ndjson"),
                "{\"type\":\"Deposited\",\"data\":{\"amount\":1}}\n{\"type\":\"Withdrawn\",\"data\":{\"amount\":1}}\n");

        var rejected = cli().run("append", "account-1", "--file", bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.errLines()).containsExactly("annals: '" + bad + "' line 2: \"data\" is missing");
        assertThat(headPosition()).isEqualTo(1);

        var accepted = cli().run("append", "account-1", "--file", good.toString(), "--expected-version", "0");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.out().strip())
                .isEqualTo("{\"stream\":\"account-1\",\"version\":2,\"position\":3,\"events\":2}");
    }

    @Test
    void reads_the_global_stream_a_category_and_an_event_type() {
        cli().run("append", "account-1", "Opened", "{}");
        cli().run("append", "transfer-1", "Started", "{}");
        cli().run("append", "account-2", "Opened", "{}");
        cli().run("append", "account-1", "Deposited", "{\"amount\":5}");

        assertThat(positions(cli().run("read", "$all"))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(positions(cli().run("read", "$all", "--backward", "--limit", "2")))
                .containsExactly(4L, 3L);
        assertThat(positions(cli().run("read", "$ce-account"))).containsExactly(1L, 3L, 4L);
        assertThat(positions(cli().run("read", "$ce-account", "--from", "2"))).containsExactly(3L, 4L);
        assertThat(positions(cli().run("read", "$et-Opened"))).containsExactly(1L, 3L);
        assertThat(cli().run("streams").outLines())
                .containsExactly(
                        "{\"stream\":\"account-1\",\"version\":1,\"lastPosition\":4}",
                        "{\"stream\":\"transfer-1\",\"version\":0,\"lastPosition\":2}",
                        "{\"stream\":\"account-2\",\"version\":0,\"lastPosition\":3}");
    }

    @Test
    void the_demo_runs_on_the_store_and_leaves_its_events() {
        var run = cli().run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Annals demo on the SQLite store in " + data())
                .contains("transfer-1 is COMPLETED");
        // Seven account events, then two transfers with their steps (the completed one settled on its
        // source) and a freeze.
        assertThat(headPosition()).isEqualTo(20);
    }

    private static List<Long> positions(Cli.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.outLines().stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line).get("position").asLong();
                    } catch (IOException e) {
                        throw new AssertionError(line, e);
                    }
                })
                .toList();
    }
}

package dev.annals.cli.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.cli.Cli;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    @BeforeEach
    void three_streams_in_two_categories() {
        append("account-1", "Opened", "{\"owner\":\"Ada\"}");
        append("account-2", "Opened", "{\"owner\":\"Bob\"}");
        append("account-1", "Deposited", "{\"amount\":5}");
        append("transfer-1", "Started", "{\"amount\":1.50}");
        append("account-2", "Deposited", "{\"amount\":7}");
    }

    private void append(String stream, String type, String json) {
        store.append(
                stream,
                ExpectedVersion.any(),
                EventData.of(
                        type,
                        json.getBytes(StandardCharsets.UTF_8),
                        Metadata.empty().withUser("ann")));
    }

    private List<JsonNode> read(String... args) {
        var run = Cli.on(store, data).run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.outLines().stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                })
                .toList();
    }

    private static List<String> field(List<JsonNode> lines, String name) {
        return lines.stream().map(line -> line.get(name).asText()).toList();
    }

    @Test
    void prints_each_event_of_a_stream_as_one_json_object_per_line() {
        var lines = read("read", "account-1");

        assertThat(lines).hasSize(2);
        var deposited = lines.get(1);
        var stored = store.readStream("account-1").toList().get(1);
        assertThat(deposited.get("stream").asText()).isEqualTo("account-1");
        assertThat(deposited.get("version").asLong()).isEqualTo(1);
        assertThat(deposited.get("position").asLong()).isEqualTo(3);
        assertThat(deposited.get("eventId").asText()).isEqualTo(stored.eventId().toString());
        assertThat(deposited.get("type").asText()).isEqualTo("Deposited");
        assertThat(deposited.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(deposited.get("data").toString()).isEqualTo("{\"amount\":5}");
        assertThat(deposited.get("metadata").toString()).isEqualTo("{\"user\":\"ann\"}");
        assertThat(deposited.get("recordedAt").asText())
                .isEqualTo(stored.recordedAt().toString());
    }

    @Test
    void keeps_decimal_numbers_of_the_data_exactly() {
        var run = Cli.on(store, data).run("read", "transfer-1");

        assertThat(run.out()).contains("\"data\":{\"amount\":1.50}");
    }

    @Test
    void reads_backward_from_a_version_with_a_limit() {
        append("account-1", "Withdrawn", "{\"amount\":1}");

        var lines = read("read", "account-1", "--backward", "--from", "1", "--limit", "1");

        assertThat(field(lines, "type")).containsExactly("Deposited");
    }

    @Test
    void reads_forward_from_a_version() {
        assertThat(field(read("read", "account-1", "--from", "1"), "type")).containsExactly("Deposited");
    }

    @Test
    void reads_the_global_stream_with_all() {
        var lines = read("read", "$all", "--from", "2", "--limit", "3");

        assertThat(field(lines, "position")).containsExactly("2", "3", "4");
    }

    @Test
    void reads_a_category_with_ce() {
        var lines = read("read", "$ce-account");

        assertThat(field(lines, "stream")).containsExactly("account-1", "account-2", "account-1", "account-2");
        assertThat(field(read("read", "$ce-account", "--backward", "--limit", "1"), "position"))
                .containsExactly("5");
    }

    @Test
    void reads_an_event_type_with_et() {
        var lines = read("read", "$et-Deposited");

        assertThat(field(lines, "stream")).containsExactly("account-1", "account-2");
    }

    @Test
    void an_unknown_stream_is_a_rejected_request_that_says_so() {
        var run = Cli.on(store, data).run("read", "account-9");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: stream 'account-9' has no events (it does not exist");
    }

    @Test
    void a_range_past_the_end_of_a_stream_says_where_the_stream_ends() {
        var run = Cli.on(store, data).run("read", "account-1", "--from", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("annals: no events of stream 'account-1' from version 5 (its last version is 1)");
    }

    @Test
    void an_empty_category_says_so() {
        var run = Cli.on(store, data).run("read", "$ce-nothing");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly("annals: no events in '$ce-nothing'");
    }

    @Test
    void an_empty_stream_name_is_rejected_with_one_line() {
        var run = Cli.on(store, data).run("read", "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: invalid stream name '': must not be empty");
    }

    @Test
    void a_limit_below_one_is_bad_usage() {
        var run = Cli.on(store, data).run("read", "account-1", "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: --limit must be 1 or more, was 0 (see 'annals read --help')");
    }

    @Test
    void a_missing_data_directory_is_reported_not_created() {
        var missing = data.resolve("nowhere");

        var run = Cli.onSqlite(missing).run("read", "account-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("annals: no data directory '" + missing + "'");
        assertThat(missing).doesNotExist();
    }
}

package dev.annals.cli.append;

import dev.annals.cli.Cli;
import dev.annals.event.RecordedEvent;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendFileTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    private Cli cli() {
        return Cli.on(store, data);
    }

    private Path file(String... lines) throws IOException {
        return Files.write(
                data.resolve("events.ndjson"), String.join("\n", lines).getBytes());
    }

    @Test
    void appends_every_event_of_the_file_in_one_append() throws IOException {
        var id = UUID.randomUUID();
        var file = file(
                "{\"type\":\"Opened\",\"data\":{\"owner\":\"Ada\"}}",
                "",
                "{\"type\":\"Deposited\",\"data\":{\"amount\":5},\"metadata\":{\"user\":\"ann\"},\"eventId\":\"" + id
                        + "\"}",
                "{\"type\":\"Withdrawn\",\"data\":{\"amount\":2}}");

        var run = cli().run("append", "account-1", "--file", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"stream\":\"account-1\",\"version\":2,\"position\":3,\"events\":3}");
        var stored = store.readStream("account-1").toList();
        assertThat(stored).extracting(RecordedEvent::type).containsExactly("Opened", "Deposited", "Withdrawn");
        assertThat(stored.get(1).eventId()).isEqualTo(id);
        assertThat(stored.get(1).metadata().user()).contains("ann");
        assertThat(stored.get(1).payloadAsString()).isEqualTo("{\"amount\":5}");
    }

    @Test
    void a_bad_line_is_reported_with_its_number_and_nothing_is_written() throws IOException {
        var file = file(
                "{\"type\":\"Opened\",\"data\":{}}",
                "{\"type\":\"Deposited\",\"data\":{}}",
                "{\"type\":\"Deposited\",\"data\":{\"amount\":}}",
                "{\"type\":\"Deposited\",\"data\":{}}");

        var run = cli().run("append", "account-1", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: '" + file + "' line 3 is not well-formed JSON: ")
                .contains("(column 38)");
        assertThat(store.headPosition()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2]                                          | line 1: expected a JSON object",
                "{\"data\":{}}                                  | line 1: \"type\" must be a non-blank string",
                "{\"type\":\"Opened\"}                          | line 1: \"data\" is missing",
                "{\"type\":\"Opened\",\"data\":{},\"Data\":1}   | line 1: unknown field \"Data\"",
                "{\"type\":\"Opened\",\"data\":{},\"eventId\":7} | line 1: \"eventId\" must be a UUID string, was 7",
                "{\"type\":\"Opened\",\"data\":{},\"metadata\":[]} | line 1: \"metadata\": metadata must be a JSON object"
            })
    void each_rule_of_a_line_is_checked(String line, String problem) throws IOException {
        var file = file(line);

        var run = cli().run("append", "account-1", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains(problem);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void an_event_id_used_twice_is_reported_with_both_lines() throws IOException {
        var id = UUID.randomUUID();
        var line = "{\"type\":\"Opened\",\"data\":{},\"eventId\":\"" + id + "\"}";
        var file = file(line, line);

        var run = cli().run("append", "account-1", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("annals: '" + file + "' line 2: event id " + id + " was already used on line 1");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_file_without_events_is_rejected() throws IOException {
        var file = file("", "  ");

        var run = cli().run("append", "account-1", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("annals: '" + file + "' holds no events: give one JSON object per line");
    }

    @Test
    void a_missing_file_is_rejected() {
        var missing = data.resolve("missing.ndjson");

        var run = cli().run("append", "account-1", "--file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: cannot read '" + missing + "': no such file");
    }

    @Test
    void a_file_together_with_an_event_on_the_command_line_is_bad_usage() throws IOException {
        var file = file("{\"type\":\"Opened\",\"data\":{}}");

        var run = cli().run("append", "account-1", "Opened", "{}", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("Give either TYPE and JSON or --file FILE");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_wrong_expected_version_rejects_the_whole_file() throws IOException {
        var file = file("{\"type\":\"Opened\",\"data\":{}}", "{\"type\":\"Deposited\",\"data\":{}}");

        var run = cli().run("append", "account-1", "--file", file.toString(), "--expected-version", "exists");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        "annals: wrong expected version for stream 'account-1': expected stream exists, actual no stream");
        assertThat(store.headPosition()).isZero();
    }
}

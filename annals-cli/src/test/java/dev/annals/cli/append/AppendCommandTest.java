package dev.annals.cli.append;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.cli.Cli;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
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
class AppendCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    private Cli cli() {
        return Cli.on(store, data);
    }

    @Test
    void appends_an_event_and_prints_its_stream_version_position_and_id() throws Exception {
        var run = cli().run("append", "account-1", "Deposited", "{\"amount\":5}");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        var printed = new ObjectMapper().readTree(run.out());
        RecordedEvent stored = store.readStream("account-1").toList().getFirst();
        assertThat(printed.get("stream").asText()).isEqualTo("account-1");
        assertThat(printed.get("version").asLong()).isZero();
        assertThat(printed.get("position").asLong()).isEqualTo(1);
        assertThat(printed.get("eventId").asText()).isEqualTo(stored.eventId().toString());
        assertThat(stored.type()).isEqualTo("Deposited");
        assertThat(stored.payloadAsString()).isEqualTo("{\"amount\":5}");
    }

    @Test
    void stores_the_data_compactly_with_numbers_exactly_as_written() {
        var run =
                cli().run("append", "account-1", "Deposited", " { \"amount\" : 5.10, \"big\": 12345678901234567890 } ");

        assertThat(run.exitCode()).isZero();
        assertThat(store.readStream("account-1").toList().getFirst().payloadAsString())
                .isEqualTo("{\"amount\":5.10,\"big\":12345678901234567890}");
    }

    @Test
    void stores_the_metadata_and_the_event_id_given() {
        var id = UUID.randomUUID();

        var run = cli().run(
                        "append",
                        "account-1",
                        "Deposited",
                        "{}",
                        "--metadata",
                        "{\"user\":\"ann\"}",
                        "--event-id",
                        id.toString());

        assertThat(run.exitCode()).isZero();
        var stored = store.readStream("account-1").toList().getFirst();
        assertThat(stored.eventId()).isEqualTo(id);
        assertThat(stored.metadata().user()).contains("ann");
    }

    @Test
    void rejects_a_wrong_expected_version_with_one_line_and_writes_nothing() {
        cli().run("append", "account-1", "Deposited", "{\"amount\":5}");

        var run = cli().run("append", "account-1", "Deposited", "{\"amount\":6}", "--expected-version", "5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("annals: wrong expected version for stream 'account-1': expected 5, actual 0");
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void rejects_malformed_json_with_one_line_and_writes_nothing() {
        var run = cli().run("append", "account-1", "Deposited", "{\"amount\":5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: the event data is not well-formed JSON: ")
                .contains("column 12");
        assertThat(store.headPosition()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"amount\":5} trailing | not well-formed JSON",
                "{\"a\":1,\"a\":2}       | Duplicate field 'a'",
                "''                     | the event data is empty"
            })
    void rejects_json_that_is_not_one_well_formed_document(String json, String problem) {
        var run = cli().run("append", "account-1", "Deposited", json);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains(problem);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void rejects_an_empty_stream_name_with_one_line_and_writes_nothing() {
        var run = cli().run("append", "", "Deposited", "{\"amount\":5}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: invalid stream name '': must not be empty");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void rejects_metadata_that_is_not_an_object_of_strings() {
        var run = cli().run("append", "account-1", "Deposited", "{}", "--metadata", "{\"count\":{\"n\":1}}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: the metadata must be a JSON object of string values");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void rejects_a_blank_event_type() {
        var run = cli().run("append", "account-1", " ", "{}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("annals: event type must not be blank");
        assertThat(store.headPosition()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"any, 1", "exists, 1", "0, 1", "no-stream, 0", "-1, 0"})
    void understands_each_form_of_expected_version(String expected, int acceptedOnAnExistingStream) {
        store.append("account-1", ExpectedVersion.any(), EventData.of("Opened", "{}"));

        var run = cli().run("append", "account-1", "Deposited", "{}", "--expected-version", expected);

        assertThat(run.exitCode()).isEqualTo(acceptedOnAnExistingStream == 1 ? 0 : 1);
        assertThat(store.headPosition()).isEqualTo(1 + acceptedOnAnExistingStream);
    }

    @Test
    void an_unknown_form_of_expected_version_is_bad_usage() {
        var run = cli().run("append", "account-1", "Deposited", "{}", "--expected-version", "latest");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("'latest' is not an expected version: use any, no-stream, exists or a stream version");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_missing_json_argument_is_bad_usage() {
        var run = cli().run("append", "account-1", "Deposited");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: Missing JSON (or --file FILE to append a file) (see 'annals append --help')");
    }

    @Test
    void retrying_with_the_same_event_id_returns_the_original_result_and_writes_nothing_new() {
        var id = UUID.randomUUID().toString();
        var first = cli().run("append", "account-1", "Deposited", "{\"amount\":5}", "--event-id", id);
        cli().run("append", "account-1", "Deposited", "{\"amount\":7}");

        var retry = cli().run("append", "account-1", "Deposited", "{\"amount\":5}", "--event-id", id);

        assertThat(retry.exitCode()).isZero();
        assertThat(retry.out()).isEqualTo(first.out());
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void verbose_adds_the_stack_trace_after_the_line() {
        var run = cli().run("--verbose", "append", "", "Deposited", "{}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().getFirst()).isEqualTo("annals: invalid stream name '': must not be empty");
        assertThat(run.err())
                .contains("dev.annals.store.InvalidStreamNameException")
                .contains("\tat ");
    }
}

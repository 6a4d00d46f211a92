package dev.annals.server;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionLagException;
import dev.annals.projection.ProjectionState;
import dev.annals.server.command.CommandRegistry;
import dev.annals.store.memory.InMemoryEventStore;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandRoutesTest {

    /** What a tally takes. */
    sealed interface TallyCommand {}

    /** Add a positive amount. */
    record Add(long amount) implements TallyCommand {}

    /** A command of other field types, always rejected: it shows what the body was decoded as. */
    record Label(String text, boolean loud) implements TallyCommand {
        Label {
            if (text != null && text.isBlank()) {
                throw new IllegalArgumentException("a label's text must not be blank");
            }
        }
    }

    static final EntityType<TallyCommand, Long, CounterEvent> TALLY = new EntityType<>(
            "tally",
            new Decider<>() {
                @Override
                public Long initialState() {
                    return 0L;
                }

                @Override
                public Decision<CounterEvent> decide(TallyCommand command, Long state) {
                    return switch (command) {
                        case Add add ->
                            add.amount() > 0
                                    ? Decision.accept(new CounterEvent.Counted(add.amount()))
                                    : Decision.reject("amount must be positive, was " + add.amount());
                        case Label label -> Decision.reject("label " + label.text() + (label.loud() ? "!" : ""));
                    };
                }

                @Override
                public Long evolve(Long state, CounterEvent event) {
                    return event instanceof CounterEvent.Counted(long amount) ? state + amount : state;
                }
            },
            CounterEvent.CODEC);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AnnalsServer server = AnnalsServer.builder(store)
            .options(ServerOptions.defaults().withPort(0))
            .commands(CommandRegistry.empty().with("add", Add.class, TALLY).with("label", Label.class, TALLY))
            .query("tally", parameters -> Map.of("stream", parameters.getOrDefault("stream", "?")))
            .query("lagging", parameters -> {
                throw new ProjectionLagException(
                        "tallies",
                        50,
                        java.time.Duration.ofSeconds(10),
                        new ProjectionHealth(
                                "tallies", ProjectionState.RUNNING, 40, 50, 10, 1.5, 0, "", java.time.Instant.now()));
            })
            .start();
    private final HttpTestClient http = new HttpTestClient(server.uri());

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void runs_a_registered_command_and_answers_with_the_position_of_its_events() {
        var reply = http.post("/commands/add/tally-1", "{\"amount\":5}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("outcome").asText()).isEqualTo("accepted");
        assertThat(reply.json().get("version").asLong()).isZero();
        assertThat(reply.json().get("position").asLong()).isEqualTo(store.headPosition());
        assertThat(reply.json().get("eventIds")).hasSize(1);
        var events = http.get("/streams/tally-1").json().get("events");
        assertThat(events.get(0).get("type").asText()).isEqualTo("Counted");
        assertThat(events.get(0).get("metadata").get("causationId").asText())
                .isEqualTo(reply.json().get("commandId").asText());
    }

    @Test
    void a_correlation_header_becomes_the_correlation_id_of_the_events() {
        var reply = http.send(http.request("/commands/add/tally-2")
                .header("X-Correlation-Id", "order-7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}"))
                .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(http.get("/streams/tally-2")
                        .json()
                        .get("events")
                        .get(0)
                        .get("metadata")
                        .get("correlationId")
                        .asText())
                .isEqualTo("order-7");
    }

    @Test
    void a_rejected_command_answers_422_with_the_reason_and_writes_nothing() {
        var reply = http.post("/commands/add/tally-1", "{\"amount\":-3}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).isEqualTo("command_rejected");
        assertThat(reply.json().get("message").asText()).isEqualTo("amount must be positive, was -3");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_body_with_a_missing_or_unknown_field_is_refused_naming_the_field() {
        var missing = http.post("/commands/add/tally-1", "{}");
        var unknown = http.post("/commands/add/tally-1", "{\"amount\":1,\"colour\":\"red\"}");
        var notJson = http.post("/commands/add/tally-1", "{amount");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("amount");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("colour");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void an_unknown_command_or_a_stream_of_another_category_is_refused() {
        var unknown = http.post("/commands/subtract/tally-1", "{\"amount\":1}");
        var otherCategory = http.post("/commands/add/account-1", "{\"amount\":1}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_command");
        assertThat(otherCategory.status()).isEqualTo(400);
        assertThat(otherCategory.json().get("error").asText()).isEqualTo("wrong_category");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void lists_the_commands_with_their_fields_and_answers_queries() {
        var commands = http.get("/commands").json().get("commands");
        var query = http.get("/queries/tally?stream=tally-9");

        assertThat(commands.get(0).get("name").asText()).isEqualTo("add");
        assertThat(commands.get(0).get("category").asText()).isEqualTo("tally");
        assertThat(commands.get(0).get("fields").get(0).asText()).isEqualTo("amount");
        assertThat(commands.get(0).get("fieldTypes").get("amount").asText()).isEqualTo("integer");
        assertThat(commands.get(1).get("fieldTypes").get("text").asText()).isEqualTo("string");
        assertThat(commands.get(1).get("fieldTypes").get("loud").asText()).isEqualTo("boolean");
        assertThat(query.json().get("stream").asText()).isEqualTo("tally-9");
        assertThat(http.get("/queries/nothing").status()).isEqualTo(404);
    }

    @Test
    void a_mistyped_field_is_refused_naming_the_field_and_its_form_rather_than_coerced() {
        var fraction = http.post("/commands/add/tally-1", "{\"amount\":5.5}");
        var numberAsText = http.post("/commands/add/tally-1", "{\"amount\":\"5\"}");
        var textAsNumber = http.post("/commands/label/tally-1", "{\"text\":5,\"loud\":false}");
        var flagAsNumber = http.post("/commands/label/tally-1", "{\"text\":\"a\",\"loud\":1}");
        var flagAsText = http.post("/commands/label/tally-1", "{\"text\":\"a\",\"loud\":\"true\"}");
        var nullNumber = http.post("/commands/add/tally-1", "{\"amount\":null}");

        for (var reply : java.util.List.of(fraction, numberAsText, nullNumber)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("invalid_command");
            assertThat(reply.json().get("details").get("field").asText()).isEqualTo("amount");
            assertThat(reply.json().get("message").asText())
                    .contains("'amount'")
                    .contains("a whole number");
        }
        assertThat(fraction.json().get("message").asText()).contains("5.5");
        assertThat(textAsNumber.status()).isEqualTo(400);
        assertThat(textAsNumber.json().get("message").asText())
                .contains("'text'")
                .contains("a string");
        assertThat(flagAsNumber.status()).isEqualTo(400);
        assertThat(flagAsText.status()).isEqualTo(400);
        assertThat(flagAsText.json().get("message").asText()).contains("'loud'").contains("true or false");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void a_well_typed_body_is_decoded_as_sent() {
        var reply = http.post("/commands/label/tally-1", "{\"text\":\"hi\",\"loud\":true}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("message").asText()).isEqualTo("label hi!");
    }

    @Test
    void refusals_name_fields_and_forms_but_no_java_class_or_jackson_setting() {
        var replies = java.util.List.of(
                http.post("/commands/add/tally-1", "{}"),
                http.post("/commands/add/tally-1", "{\"amount\":1,\"colour\":\"red\"}"),
                http.post("/commands/add/tally-1", "[1]"),
                http.post("/commands/add/tally-1", "null"),
                http.post("/commands/add/tally-1", "{\"amount\":\"x\"}"),
                http.post("/commands/label/tally-1", "{\"text\":null,\"loud\":true}"));

        for (var reply : replies) {
            String message = reply.json().get("message").asText();
            assertThat(reply.status()).isEqualTo(400);
            assertThat(message)
                    .doesNotContain(
                            "FAIL_ON",
                            "DeserializationFeature",
                            "CommandRoutesTest",
                            "$",
                            "java.",
                            "jackson",
                            "Jackson",
                            "Cannot",
                            "MapperFeature");
            assertThat(message).contains("its fields are");
        }
        assertThat(replies.get(0).json().get("message").asText()).contains("needs field 'amount'");
        assertThat(replies.get(1).json().get("message").asText())
                .contains("has no field 'colour'")
                .contains("amount (a whole number)");
        assertThat(replies.get(5).json().get("message").asText()).contains("'text'");
    }

    @Test
    void a_value_the_commands_own_constructor_refuses_is_a_400_with_its_message() {
        var reply = http.post("/commands/label/tally-1", "{\"text\":\" \",\"loud\":true}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_command");
        assertThat(reply.json().get("message").asText())
                .startsWith("command 'label' is refused: a label's text" + " must not be blank");
    }

    @Test
    void an_unpaired_surrogate_in_a_command_is_refused() {
        var reply = http.post("/commands/label/tally-1", "{\"text\":\"a\\ud800\",\"loud\":true}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_encoding");
        assertThat(reply.json().get("message").asText()).contains("'text'");
    }

    @Test
    void a_query_whose_wait_for_a_position_times_out_is_a_504_saying_where_the_projection_is() {
        var reply = http.get("/queries/lagging?after=50");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json().get("error").asText()).isEqualTo("projection_lag");
        assertThat(reply.json().get("details").get("projection").asText()).isEqualTo("tallies");
        assertThat(reply.json().get("details").get("awaitedPosition").asLong()).isEqualTo(50);
        assertThat(reply.json().get("details").get("checkpoint").asLong()).isEqualTo(40);
        assertThat(reply.json().get("details").get("headPosition").asLong()).isEqualTo(50);
    }
}

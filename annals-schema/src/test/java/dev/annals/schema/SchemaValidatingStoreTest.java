package dev.annals.schema;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaValidatingStoreTest {

    interface Event {}

    record Deposited(long amount, List<String> tags) implements Event {}

    private final List<EventSchema> registered = EventSchemas.of(List.of(EventTypeRegistry.builder(Event.class)
            .register(Deposited.class, "Deposited", 2)
            .build()));

    private static EventData deposited(int version, String json) {
        return new EventData(
                EventIds.next(), "Deposited", version, json.getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }

    @Test
    void appends_events_that_fit_and_events_without_a_registered_schema() {
        try (var store =
                new SchemaValidatingStore(new InMemoryEventStore(), registered, SchemaValidatingStore.Mode.REJECT)) {
            store.append(
                    "account-1",
                    ExpectedVersion.any(),
                    deposited(2, "{\"amount\":5,\"tags\":[\"a\"]}"),
                    deposited(1, "{\"cents\":5}"));

            assertThat(store.headPosition()).isEqualTo(2);
        }
    }

    @Test
    void rejects_the_whole_append_naming_each_problem() {
        try (var store =
                new SchemaValidatingStore(new InMemoryEventStore(), registered, SchemaValidatingStore.Mode.REJECT)) {
            assertThatThrownBy(() -> store.append(
                            "account-1",
                            ExpectedVersion.any(),
                            deposited(2, "{\"amount\":5,\"tags\":[]}"),
                            deposited(2, "{\"amount\":\"5\",\"tags\":[1]}")))
                    .isInstanceOf(SchemaViolationException.class)
                    .hasMessageContaining("does not fit schema Deposited v2")
                    .hasMessageContaining("field 'amount' should be integer, was string")
                    .hasMessageContaining("field 'tags[0]' should be string, was number");
            assertThatThrownBy(() -> store.append("account-1", ExpectedVersion.any(), deposited(2, "{\"tags\":[]}")))
                    .hasMessageContaining("required field 'amount' is missing");
            assertThat(store.headPosition()).isZero();
        }
    }

    @Test
    void in_warn_mode_appends_unfit_events() {
        try (var store =
                new SchemaValidatingStore(new InMemoryEventStore(), registered, SchemaValidatingStore.Mode.WARN)) {
            store.append("account-1", ExpectedVersion.any(), deposited(2, "{\"amount\":\"lots\"}"));

            assertThat(store.headPosition()).isEqualTo(1);
        }
    }
}

package dev.annals.schema;

import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoredSchemasTest {

    interface Event {}

    record Opened(String owner) implements Event {}

    record Closed() implements Event {}

    @Test
    void reads_back_the_registered_schemas_keeping_the_first_registration_of_a_version() {
        var schemas = EventSchemas.of(List.of(EventTypeRegistry.builder(Event.class)
                .register(Opened.class, "Opened", 2)
                .register(Closed.class, "Closed")
                .build()));
        try (var store = new InMemoryEventStore()) {
            StoredSchemas.register(store, schemas);
            StoredSchemas.register(
                    store,
                    List.of(new EventSchema(
                            schemas.getFirst().type(),
                            schemas.getFirst().version(),
                            schemas.getFirst().schema().objectNode())));

            assertThat(StoredSchemas.read(store)).containsExactlyElementsOf(schemas);
            assertThat(store.headPosition()).isEqualTo(3);
        }
    }
}

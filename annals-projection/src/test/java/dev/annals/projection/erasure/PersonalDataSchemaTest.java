package dev.annals.projection.erasure;

import dev.annals.erasure.InMemorySubjectKeyStore;
import dev.annals.event.Metadata;
import dev.annals.schema.EventSchemas;
import dev.annals.schema.SchemaValidatingStore;
import dev.annals.serialization.EventCodec;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalDataSchemaTest {

    @Test
    void describes_personal_data_as_the_text_it_is_stored_as_so_that_encrypted_events_pass_validation() {
        var schemas = EventSchemas.of(List.of(CustomerEvent.REGISTRY));
        var registered = schemas.stream()
                .filter(s -> s.type().equals("CustomerRegistered"))
                .findFirst()
                .orElseThrow();
        var codec = new EventCodec<>(CustomerEvent.REGISTRY, new InMemorySubjectKeyStore());

        try (var store =
                new SchemaValidatingStore(new InMemoryEventStore(), schemas, SchemaValidatingStore.Mode.REJECT)) {
            store.append(
                    "customer-1",
                    ExpectedVersion.noStream(),
                    codec.encode(new CustomerEvent.Registered("c-1", "Ann", "ann@example.com", 30), Metadata.empty()));
            assertThat(store.headPosition()).isEqualTo(1);
        }
        assertThat(registered.schema().at("/properties/age/type").asText()).isEqualTo("string");
        assertThat(registered
                        .schema()
                        .at("/properties/age/x-annals-personal-data")
                        .asBoolean())
                .isTrue();
        assertThat(registered.schema().at("/properties/customerId/type").asText())
                .isEqualTo("string");
    }
}

package dev.annals.projection.erasure;

import dev.annals.erasure.ForgetOutcome;
import dev.annals.erasure.InMemorySubjectKeyStore;
import dev.annals.erasure.PersonalData;
import dev.annals.erasure.SubjectForgottenException;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventDecodingException;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CryptoShreddingTest {

    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final EventCodec<CustomerEvent> codec = new EventCodec<>(CustomerEvent.REGISTRY, keys);
    private final InMemoryEventStore store = new InMemoryEventStore();

    private RecordedEvent stored(CustomerEvent event) {
        var result = store.append(
                "customer-" + System.nanoTime(), ExpectedVersion.any(), codec.encode(event, Metadata.empty()));
        try (var all = store.readAll(result.position())) {
            return all.findFirst().orElseThrow();
        }
    }

    @Test
    void stores_personal_fields_as_ciphertext_and_reads_them_back() {
        var registered = new CustomerEvent.Registered("c-1", "Zoë Ünal", "zoe@example.com", 42);

        var recorded = stored(registered);

        var json = new String(recorded.payload(), StandardCharsets.UTF_8);
        // Field by field: a substring test for "42" failed whenever the random ciphertext happened to hold it.
        assertThat(json).doesNotContain("Zoë", "zoe@example.com").contains("\"customerId\":\"c-1\"");
        assertThat(json)
                .containsPattern("\"name\":\"\\$erasable:v1:")
                .containsPattern("\"email\":\"\\$erasable:v1:")
                .containsPattern("\"age\":\"\\$erasable:v1:");
        assertThat(codec.decode(recorded)).containsExactly(registered);
    }

    @Test
    void reads_the_personal_fields_of_a_forgotten_subject_as_erased_and_keeps_the_rest() {
        var first = stored(new CustomerEvent.Registered("c-1", "Ann", "ann@example.com", 30));
        var other = stored(new CustomerEvent.Registered("c-2", "Bob", "bob@example.com", null));
        var deposit = stored(new CustomerEvent.Deposited("c-1", 500));

        assertThat(keys.forget("c-1")).isEqualTo(ForgetOutcome.KEY_DELETED);

        assertThat(codec.decode(first))
                .containsExactly(new CustomerEvent.Registered("c-1", PersonalData.ERASED, PersonalData.ERASED, null));
        assertThat(codec.decode(other))
                .containsExactly(new CustomerEvent.Registered("c-2", "Bob", "bob@example.com", null));
        assertThat(codec.decode(deposit)).containsExactly(new CustomerEvent.Deposited("c-1", 500));
    }

    @Test
    void refuses_to_write_personal_data_of_a_forgotten_subject_again() {
        keys.forget("c-1");

        assertThatThrownBy(() -> codec.encode(new CustomerEvent.Registered("c-1", "Ann", null, null), Metadata.empty()))
                .isInstanceOfSatisfying(SubjectForgottenException.class, e -> assertThat(e.subject())
                        .isEqualTo("c-1"));
        assertThat(keys.forget("c-1")).isEqualTo(ForgetOutcome.ALREADY_FORGOTTEN);
        assertThat(keys.forget("c-9")).isEqualTo(ForgetOutcome.NO_KEY);
    }

    @Test
    void fails_to_decode_a_ciphertext_moved_to_another_property() {
        var recorded = stored(new CustomerEvent.Registered("c-1", "Ann", "ann@example.com", null));
        var json = new String(recorded.payload(), StandardCharsets.UTF_8);
        var name = json.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
        var email = json.replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
        var swapped = json.replace(name, "NAME").replace(email, name).replace("NAME", email);
        var tampered = new RecordedEvent(
                recorded.stream(),
                recorded.streamVersion(),
                recorded.position(),
                recorded.eventId(),
                recorded.type(),
                recorded.schemaVersion(),
                swapped.getBytes(StandardCharsets.UTF_8),
                recorded.metadata(),
                recorded.recordedAt());

        assertThatThrownBy(() -> codec.decode(tampered))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void needs_a_subject_to_encrypt_with() {
        assertThatThrownBy(() -> codec.encode(new CustomerEvent.Registered(null, "Ann", null, null), Metadata.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId");
    }

    @Test
    void refuses_a_codec_without_key_store_for_a_registry_with_personal_data() {
        assertThatThrownBy(() -> new EventCodec<>(CustomerEvent.REGISTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SubjectKeyStore");
    }

    @Test
    void checks_the_declaration_against_the_record_when_the_registry_is_built() {
        assertThatThrownBy(() -> builder()
                        .personalData("CustomerRegistered", "customerId", "phone")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'phone'");
        assertThatThrownBy(() -> builder()
                        .personalData("Deposited", "customerId", "amount")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("primitive");
        assertThatThrownBy(() ->
                        builder().personalData("Unknown", "customerId", "name").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not registered");
        assertThatThrownBy(() -> builder().personalData("CustomerRegistered", "name", "name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject field");
    }

    private static dev.annals.serialization.EventTypeRegistryBuilder<CustomerEvent> builder() {
        return EventTypeRegistry.builder(CustomerEvent.class)
                .register(CustomerEvent.Registered.class, "CustomerRegistered")
                .register(CustomerEvent.Deposited.class, "Deposited");
    }
}

package dev.annals.serialization;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventTypeRegistryTest {

    @Test
    void finds_a_type_by_its_stable_name_and_an_event_by_its_class() {
        var registry = ParcelEvents.registry();

        assertThat(registry.byName("parcel.signed")).map(EventType::javaType).contains(ParcelEvent.Signed.class);
        assertThat(registry.typeOf(new ParcelEvent.Sent("a", true)).name()).isEqualTo("parcel.sent");
        assertThat(registry.byName("ParcelEvent.Signed")).isEmpty();
    }

    @Test
    void refuses_a_name_registered_twice() {
        var builder = EventTypeRegistry.builder(ParcelEvent.class).register(ParcelEvent.Sent.class, "same");

        assertThatThrownBy(() -> builder.register(ParcelEvent.Signed.class, "same"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type name 'same' is registered twice");
    }

    @Test
    void refuses_to_build_while_a_record_of_the_sealed_type_is_unregistered() {
        var builder = EventTypeRegistry.builder(ParcelEvent.class)
                .register(ParcelEvent.Sent.class, "parcel.sent")
                .register(ParcelEvent.Delivered.class, "parcel.delivered");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not registered")
                .hasMessageContaining(ParcelEvent.Signed.class.getName());
    }

    @Test
    void encoding_an_unregistered_class_names_it() {
        var registry = EventTypeRegistry.builder(Object.class)
                .register(String.class, "text")
                .build();

        assertThatThrownBy(() -> registry.typeOf(42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer is not registered");
    }

    @Test
    void of_a_sealed_interface_registers_every_permitted_record_under_its_simple_name() {
        var registry = EventTypeRegistry.of(LoanEvent.class);

        assertThat(registry.types())
                .extracting(EventType::name)
                .containsExactlyInAnyOrder("BookLent", "BookReturned", "FineCharged");
        assertThat(registry.byName("FineCharged")).map(EventType::javaType).contains(LoanEvent.FineCharged.class);
        assertThat(registry.byName("BookLent")).map(EventType::schemaVersion).contains(1);
    }

    @Test
    void a_type_registered_by_hand_keeps_its_name_and_version_and_the_rest_take_their_simple_names() {
        var registry = EventTypeRegistry.builder(LoanEvent.class)
                .register(LoanEvent.BookLent.class, "loan.lent", 2)
                .upcast("loan.lent", 1, event -> java.util.List.of(event))
                .registerPermitted()
                .build();

        assertThat(registry.types())
                .extracting(EventType::name)
                .containsExactlyInAnyOrder("loan.lent", "BookReturned", "FineCharged");
        assertThat(registry.byName("loan.lent")).map(EventType::schemaVersion).contains(2);
        assertThat(registry.byName("BookLent")).isEmpty();
    }

    @Test
    void of_a_record_registers_that_one_record() {
        assertThat(EventTypeRegistry.of(LoanEvent.FineCharged.class).types())
                .extracting(EventType::name)
                .containsExactly("FineCharged");
    }

    @Test
    void of_a_type_that_is_not_sealed_says_to_register_by_hand() {
        assertThatThrownBy(() -> EventTypeRegistry.of(Runnable.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.Runnable is neither a sealed interface nor a record, so it names no event"
                        + " records: register each with register(...)");
    }
}

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
}

package dev.annals.schema;

import dev.annals.serialization.EventTypeRegistry;
import dev.annals.serialization.Upcaster;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaCheckTest {

    interface Event {}

    record DepositedV1(long amount, String currency) implements Event {}

    record DepositedWithoutCurrency(long amount) implements Event {}

    record DepositedRenamed(long amount, String currencyCode) implements Event {}

    record DepositedTextAmount(String amount, String currency) implements Event {}

    record DepositedWithRequiredNote(long amount, String currency, String note) implements Event {}

    record DepositedWithOptionalNote(long amount, String currency, Optional<String> note) implements Event {}

    private static List<EventSchema> registeredV1() {
        return EventSchemas.of(List.of(registry(DepositedV1.class, 1)));
    }

    private static EventTypeRegistry<?> registry(Class<? extends Event> record, int version) {
        return EventTypeRegistry.builder(Event.class)
                .register(record, "Deposited", version)
                .build();
    }

    private static List<SchemaViolation> check(EventTypeRegistry<?> code) {
        return new SchemaCheck(List.of(code)).against(registeredV1());
    }

    @Test
    void an_unchanged_type_passes() {
        assertThat(check(registry(DepositedV1.class, 1))).isEmpty();
    }

    @Test
    void a_removed_field_fails_naming_type_version_and_field() {
        assertThat(check(registry(DepositedWithoutCurrency.class, 1)))
                .extracting(SchemaViolation::describe)
                .containsExactly("Deposited v1: field 'currency' was removed or renamed"
                        + " without a new version and an upcaster");
    }

    @Test
    void a_renamed_field_fails_as_removed_and_newly_required() {
        assertThat(check(registry(DepositedRenamed.class, 1)))
                .extracting(SchemaViolation::problem)
                .anySatisfy(problem -> assertThat(problem).contains("field 'currency' was removed or renamed"))
                .anySatisfy(problem -> assertThat(problem).contains("new required field 'currencyCode'"));
    }

    @Test
    void a_changed_type_fails_naming_both_types() {
        assertThat(check(registry(DepositedTextAmount.class, 1)))
                .extracting(SchemaViolation::problem)
                .containsExactly("field 'amount' changed type from integer to string"
                        + " without a new version and an upcaster");
    }

    @Test
    void a_new_required_field_fails() {
        assertThat(check(registry(DepositedWithRequiredNote.class, 1)))
                .extracting(SchemaViolation::problem)
                .singleElement()
                .asString()
                .startsWith("new required field 'note'");
    }

    @Test
    void a_new_field_is_required_even_when_optional_in_java_because_the_codec_requires_every_component() {
        assertThat(check(registry(DepositedWithOptionalNote.class, 1)))
                .extracting(SchemaViolation::problem)
                .singleElement()
                .asString()
                .startsWith("new required field 'note'");
    }

    @Test
    void a_new_type_is_compatible() {
        record Frozen(String reason) implements Event {}
        var code = EventTypeRegistry.builder(Event.class)
                .register(DepositedV1.class, "Deposited")
                .register(Frozen.class, "Frozen")
                .build();

        assertThat(check(code)).isEmpty();
    }

    @Test
    void a_field_that_was_optional_in_a_hand_registered_schema_may_stay_or_become_required_only_with_a_version() {
        var registered = registeredV1().getFirst().schema().deepCopy();
        registered.withArray("required").removeAll().add("amount");
        var violations = new SchemaCheck(List.of(registry(DepositedV1.class, 1)))
                .against(List.of(new EventSchema("Deposited", 1, registered)));

        assertThat(violations)
                .extracting(SchemaViolation::problem)
                .singleElement()
                .asString()
                .startsWith("new required field 'currency'");
    }

    @Test
    void a_breaking_change_in_a_new_version_with_an_upcaster_passes() {
        var code = EventTypeRegistry.builder(Event.class)
                .register(DepositedRenamed.class, "Deposited", 2)
                .upcast("Deposited", 1, Upcaster.renameField("currency", "currencyCode"))
                .build();

        assertThat(check(code)).isEmpty();
    }

    @Test
    void a_new_version_without_an_upcaster_fails() {
        assertThat(check(registry(DepositedRenamed.class, 2)))
                .extracting(SchemaViolation::describe)
                .containsExactly("Deposited v2: new version without an upcaster from v1");
    }

    @Test
    void a_type_removed_from_the_code_fails_unless_it_is_still_upcast() {
        record Other(String id) implements Event {}
        var withoutDeposited = EventTypeRegistry.builder(Event.class)
                .register(Other.class, "Other")
                .build();

        assertThat(check(withoutDeposited))
                .extracting(SchemaViolation::problem)
                .containsExactly("type was removed from the code and no upcaster reads it");
    }
}

package dev.annals.schema;

import dev.annals.schema.declared.Shelves;
import dev.annals.schema.declared.shelf.ShelfEvent;
import dev.annals.serialization.EventType;
import dev.annals.serialization.EventTypeRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeclaredEventTypesTest {

    private final DeclaredEventTypes declared =
            new DeclaredEventTypes(DeclaredEventTypesTest.class.getClassLoader(), List.of(testClasses()));

    @Test
    void finds_the_registry_of_a_sealed_interface_declared_in_an_enclosing_package_once() {
        var registries = declared.registries(List.of(ShelfEvent.class.getName()));

        assertThat(registries).containsExactly(Shelves.SHELF.registry());
        assertThat(names(registries.getFirst())).containsExactlyInAnyOrder("Shelved v2", "Unshelved v1");
    }

    @Test
    void finds_every_registry_declared_in_a_package_and_below() {
        var registries = declared.registries(List.of("dev.annals.schema.declared"));

        assertThat(registries).containsExactly(Shelves.SHELF.registry());
    }

    @Test
    void the_same_registry_named_twice_is_gated_once() {
        var registries = declared.registries(List.of(ShelfEvent.class.getName(), "dev.annals.schema.declared"));

        assertThat(registries).hasSize(1);
    }

    @Test
    void a_name_that_is_neither_a_class_nor_a_package_is_refused_by_name() {
        assertThatThrownBy(() -> declared.registries(List.of("org.example.Nowhere")))
                .isInstanceOf(UndeclaredEventTypesException.class)
                .hasMessageStartingWith("'org.example.Nowhere' is neither a class nor a package");
    }

    @Test
    void a_package_that_declares_no_registry_is_refused_saying_what_to_declare() {
        assertThatThrownBy(() -> declared.registries(List.of("dev.annals.schema.declared.empty")))
                .isInstanceOf(UndeclaredEventTypesException.class)
                .hasMessageContaining(
                        "no event type registry is declared in package 'dev.annals.schema.declared.empty'")
                .hasMessageContaining("public static field");
    }

    @Test
    void an_interface_without_a_declared_registry_is_refused_by_name() {
        assertThatThrownBy(() -> declared.registries(List.of(Undeclared.class.getName())))
                .isInstanceOf(UndeclaredEventTypesException.class)
                .hasMessageStartingWith("no event type registry for " + Undeclared.class.getName());
    }

    @Test
    void the_gate_checks_what_was_found_against_a_directory() {
        var registries = declared.registries(List.of(ShelfEvent.class.getName()));
        var directory = new SchemaDirectory(Path.of("target", "declared-" + System.nanoTime()));
        var gate = new SchemaGate(registries, directory);

        assertThat(gate.register().written())
                .extracting(EventSchema::label)
                .containsExactly("Shelved v2", "Unshelved v1");
        assertThat(gate.check()).isEmpty();
        assertThat(gate.register().written()).isEmpty();
    }

    private static List<String> names(EventTypeRegistry<?> registry) {
        return registry.types().stream()
                .map(type -> ((EventType<?>) type).name() + " v" + type.schemaVersion())
                .toList();
    }

    private static Path testClasses() {
        try {
            return Path.of(Shelves.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event interface nobody registers. */
    sealed interface Undeclared {
        record Happened() implements Undeclared {}
    }
}

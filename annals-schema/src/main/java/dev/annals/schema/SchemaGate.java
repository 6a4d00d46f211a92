package dev.annals.schema;

import dev.annals.serialization.EventTypeRegistry;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The schema gate over a schema directory, as a build runs it: {@link #check} compares the code's event types
 * with the registered schemas, {@link #register} records the current ones unless that would register over a
 * breaking change. The command line ({@code annals schema}) and the Maven plugin both run this, so that
 * they judge alike.
 */
public final class SchemaGate {

    private final List<EventTypeRegistry<?>> registries;
    private final SchemaDirectory directory;

    /** The gate of the types in {@code registries} against the schemas in {@code directory}. */
    public SchemaGate(List<EventTypeRegistry<?>> registries, SchemaDirectory directory) {
        this.registries = List.copyOf(requireNonNull(registries, "registries"));
        this.directory = requireNonNull(directory, "directory");
    }

    /** How many event types the code declares. */
    public int typeCount() {
        return registries.stream().mapToInt(registry -> registry.types().size()).sum();
    }

    /** The schemas of the code's event types, each at its current version. */
    public List<EventSchema> current() {
        return EventSchemas.of(registries);
    }

    /** The violations against {@code registered} (the directory's, or a store's); empty when compatible. */
    public List<SchemaViolation> check(List<EventSchema> registered) {
        return new SchemaCheck(registries).against(registered);
    }

    /** The violations against the directory's schemas; empty when compatible. */
    public List<SchemaViolation> check() {
        return check(directory.read());
    }

    /**
     * Writes the schema file of every type whose current version is not registered yet, unless the code breaks
     * a registered schema: then nothing is written and the violations are returned.
     */
    public Registration register() {
        var violations = check();
        if (!violations.isEmpty()) {
            return new Registration(violations, List.of());
        }
        var written = new ArrayList<EventSchema>();
        for (var schema : current()) {
            if (directory.register(schema)) {
                written.add(schema);
            }
        }
        return new Registration(List.of(), written);
    }

    /**
     * What {@link #register()} did.
     *
     * @param violations why nothing was written; empty when the registration went ahead
     * @param written    the schemas written as new files, sorted by type
     */
    public record Registration(List<SchemaViolation> violations, List<EventSchema> written) {

        public Registration {
            violations = List.copyOf(violations);
            written = List.copyOf(written);
        }

        /** True when a breaking change stopped the registration. */
        public boolean refused() {
            return !violations.isEmpty();
        }
    }
}

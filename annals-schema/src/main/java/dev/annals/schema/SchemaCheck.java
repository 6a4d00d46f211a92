package dev.annals.schema;

import dev.annals.serialization.EventTypeRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Compares the code's event types with the registered schemas, the gate a CI pipeline runs before a
 * change ships. A change is allowed when stored events stay readable:
 * <ul>
 *   <li>same version: the schema may only gain optional fields ({@link SchemaCompatibility});</li>
 *   <li>a new version: every step from the newest registered version up must have an upcaster;</li>
 *   <li>a type gone from the code: it must still be upcast (a retired type split into others);</li>
 *   <li>a new type: always allowed.</li>
 * </ul>
 * A code version below the newest registered one is a violation: events newer than the code exist.
 */
public final class SchemaCheck {

    private final List<EventTypeRegistry<?>> registries;

    /** A check of the types in {@code registries}. */
    public SchemaCheck(List<EventTypeRegistry<?>> registries) {
        this.registries = List.copyOf(requireNonNull(registries, "registries"));
    }

    /** The violations against {@code registered}, sorted by type and version; empty when compatible. */
    public List<SchemaViolation> against(List<EventSchema> registered) {
        requireNonNull(registered, "registered");
        var newestRegistered = new HashMap<String, EventSchema>();
        for (var schema : registered) {
            newestRegistered.merge(schema.type(), schema, (a, b) -> a.version() >= b.version() ? a : b);
        }
        var current = new HashMap<String, EventSchema>();
        EventSchemas.of(registries).forEach(schema -> current.put(schema.type(), schema));

        var violations = new ArrayList<SchemaViolation>();
        for (var code : current.values()) {
            var stored = newestRegistered.get(code.type());
            if (stored != null) {
                violations.addAll(compare(stored, code));
            }
        }
        for (var stored : newestRegistered.values()) {
            if (!current.containsKey(stored.type())
                    && upcaster(stored.type(), stored.version()).isEmpty()) {
                violations.add(new SchemaViolation(
                        stored.type(), stored.version(), "type was removed from the code and no upcaster reads it"));
            }
        }
        violations.sort(Comparator.comparing(SchemaViolation::type).thenComparing(SchemaViolation::version));
        return List.copyOf(violations);
    }

    private List<SchemaViolation> compare(EventSchema stored, EventSchema code) {
        if (code.version() == stored.version()) {
            return SchemaCompatibility.breakingChanges(stored.schema(), code.schema()).stream()
                    .map(change -> new SchemaViolation(
                            code.type(), code.version(), change.describe() + " without a new version and an upcaster"))
                    .toList();
        }
        if (code.version() < stored.version()) {
            return List.of(new SchemaViolation(
                    code.type(),
                    code.version(),
                    "the code is at v" + code.version() + " but v" + stored.version() + " is registered"));
        }
        var missing = new ArrayList<SchemaViolation>();
        for (int from = stored.version(); from < code.version(); from++) {
            if (upcaster(code.type(), from).isEmpty()) {
                missing.add(new SchemaViolation(
                        code.type(), code.version(), "new version without an upcaster from v" + from));
            }
        }
        return missing;
    }

    private Optional<?> upcaster(String type, int fromVersion) {
        return registries.stream()
                .map(registry -> registry.upcasterFor(type, fromVersion))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The registries' types by name, for callers that report what was checked. */
    public Map<String, Integer> currentVersions() {
        var versions = new HashMap<String, Integer>();
        EventSchemas.of(registries).forEach(schema -> versions.put(schema.type(), schema.version()));
        return Map.copyOf(versions);
    }
}

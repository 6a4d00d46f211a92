package dev.annals.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Finds the breaking changes between a registered schema and the code's schema of one type and version:
 * a field removed or renamed, a field whose JSON type changed, a new required field. Adding an optional
 * field is compatible. Nested objects and array items are compared the same way.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** The breaking changes from {@code registered} to {@code current}, in field order; empty when compatible. */
    public static List<SchemaChange> breakingChanges(JsonNode registered, JsonNode current) {
        requireNonNull(registered, "registered");
        requireNonNull(current, "current");
        var changes = new ArrayList<SchemaChange>();
        compare("", registered, current, changes);
        return List.copyOf(changes);
    }

    private static void compare(String path, JsonNode registered, JsonNode current, List<SchemaChange> changes) {
        String registeredType = registered.path("type").asText("any");
        String currentType = current.path("type").asText("any");
        if (!registeredType.equals(currentType)) {
            changes.add(new SchemaChange.ChangedType(path, registeredType, currentType));
            return;
        }
        switch (currentType) {
            case "object" -> compareObjects(path, registered, current, changes);
            case "array" -> compare(path + "[]", registered.path("items"), current.path("items"), changes);
            default -> {
                // Scalars of the same JSON type read alike.
            }
        }
    }

    private static void compareObjects(String path, JsonNode registered, JsonNode current, List<SchemaChange> changes) {
        var registeredProperties = registered.path("properties");
        var currentProperties = current.path("properties");
        var registeredRequired = names(registered.path("required"));
        registeredProperties.fieldNames().forEachRemaining(name -> {
            if (!currentProperties.has(name)) {
                changes.add(new SchemaChange.RemovedField(join(path, name)));
            } else {
                compare(join(path, name), registeredProperties.get(name), currentProperties.get(name), changes);
            }
        });
        for (String name : names(current.path("required"))) {
            // A field stored events may lack (new, or optional before) must not become required.
            if (!registeredRequired.contains(name)) {
                changes.add(new SchemaChange.NewRequiredField(join(path, name)));
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        var names = new HashSet<String>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

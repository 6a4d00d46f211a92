package dev.annals.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.schema.internal.RecordSchemaGenerator;
import dev.annals.serialization.EventTypeRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Generates the JSON Schemas of the event types registered in code. */
public final class EventSchemas {

    /** The JSON Schema dialect every generated schema declares. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private EventSchemas() {}

    /**
     * The schema of every type of every registry, each at its current version, sorted by type name.
     *
     * @throws IllegalArgumentException when two registries register the same type name, since schemas
     *                                  are kept by type name
     */
    public static List<EventSchema> of(List<EventTypeRegistry<?>> registries) {
        requireNonNull(registries, "registries");
        var seen = new HashMap<String, String>();
        var schemas = new ArrayList<EventSchema>();
        for (var registry : registries) {
            for (var type : registry.types()) {
                var previous = seen.put(type.name(), registry.baseType().getName());
                if (previous != null) {
                    throw new IllegalArgumentException("type name '" + type.name() + "' is registered by both "
                            + previous + " and " + registry.baseType().getName());
                }
                var schema = schemaOf(type.javaType(), type.name(), type.schemaVersion());
                registry.personalData(type.name()).ifPresent(personal -> encrypted(schema, personal.fields()));
                schemas.add(new EventSchema(type.name(), type.schemaVersion(), schema));
            }
        }
        schemas.sort(Comparator.comparing(EventSchema::type));
        return List.copyOf(schemas);
    }

    /**
     * Personal data is stored as a text envelope (docs/erasure.md): its properties are described as text,
     * whatever the record's component type. Null values pass, as they do for every property.
     */
    private static void encrypted(ObjectNode schema, List<String> fields) {
        var properties = (ObjectNode) schema.get("properties");
        for (String field : fields) {
            var property = properties.putObject(field);
            property.put("type", "string");
            property.put("x-annals-personal-data", true);
        }
    }

    private static ObjectNode schemaOf(Class<?> record, String name, int version) {
        var body = RecordSchemaGenerator.objectSchema(record);
        var schema =
                body.objectNode().put("$schema", DIALECT).put("title", name).put("x-annals-schema-version", version);
        schema.setAll(body);
        return schema;
    }
}

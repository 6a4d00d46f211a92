package dev.annals.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * The JSON Schema of one event type at one schema version: the shape its payload has when stored.
 *
 * <p>Generated from the type's record by {@link EventSchemas}; stored as a file under a schema
 * directory by {@link SchemaDirectory}. The schema object is the caller's to read, never to change.
 *
 * @param type    the stable type name, such as {@code Deposited}
 * @param version the schema version, 1 or more
 * @param schema  the JSON Schema (draft 2020-12) of the payload
 */
public record EventSchema(String type, int version, ObjectNode schema) {

    public EventSchema {
        requireNonNull(type, "type");
        requireNonNull(schema, "schema");
        if (type.isBlank()) {
            throw new IllegalArgumentException("an event schema needs a type name");
        }
        if (version < 1) {
            throw new IllegalArgumentException(
                    "the schema version of '" + type + "' must be 1 or more, was " + version);
        }
    }

    /** {@code Deposited v2}: how people name this schema. */
    public String label() {
        return type + " v" + version;
    }
}

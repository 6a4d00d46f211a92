package dev.annals.serialization;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * An event as upcasters see it: its type name, its schema version and its payload as a JSON tree.
 *
 * <p>Upcasters take one and return the same event at a later version, or several events (a split).
 * The payload tree may be changed in place by the upcaster that received it; nobody else holds it.
 *
 * @param type          the stored type name
 * @param schemaVersion the version the payload is written in, 1 or more
 * @param payload       the payload, a JSON object
 */
public record SerializedEvent(String type, int schemaVersion, ObjectNode payload) {

    public SerializedEvent {
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be 1 or more, was " + schemaVersion);
        }
    }

    /** The same event with {@code newPayload} written at {@code newVersion}. */
    public SerializedEvent at(int newVersion, ObjectNode newPayload) {
        return new SerializedEvent(type, newVersion, newPayload);
    }
}

package dev.annals.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An event to append: its id, its type name, the schema version of its payload, the payload
 * (JSON bytes) and its metadata.
 *
 * <p>The event id makes appends idempotent: appending the same ids again returns the original result.
 * Use {@link #of(String, String)} to get a fresh time-ordered id. The payload array is not copied;
 * callers must not change it after handing it over.
 *
 * @param eventId       unique id of this event across the whole store
 * @param type          the stable type name, such as {@code Deposited}; non-blank
 * @param schemaVersion version of the payload's shape, 1 or more; upcasters read older versions
 * @param payload       the event's body, UTF-8 JSON
 * @param metadata      correlation, causation, user and other entries
 */
public record EventData(UUID eventId, String type, int schemaVersion, byte[] payload, Metadata metadata) {

    public EventData {
        requireNonNull(eventId, "eventId");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(metadata, "metadata");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be 1 or more, was " + schemaVersion);
        }
    }

    /** An event of schema version 1 with a new id and no metadata. */
    public static EventData of(String type, String json) {
        return new EventData(EventIds.next(), type, 1, json.getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }

    /** An event of schema version 1 with a new id. */
    public static EventData of(String type, byte[] payload, Metadata metadata) {
        return new EventData(EventIds.next(), type, 1, payload, metadata);
    }

    public EventData withMetadata(Metadata newMetadata) {
        return new EventData(eventId, type, schemaVersion, payload, newMetadata);
    }

    public EventData withEventId(UUID newEventId) {
        return new EventData(newEventId, type, schemaVersion, payload, metadata);
    }

    /** The payload decoded as UTF-8 text. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventData that
                && eventId.equals(that.eventId)
                && type.equals(that.type)
                && schemaVersion == that.schemaVersion
                && Arrays.equals(payload, that.payload)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "EventData[" + type + " v" + schemaVersion + " " + eventId + " " + payloadAsString() + "]";
    }
}

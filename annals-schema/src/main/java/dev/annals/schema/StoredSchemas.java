package dev.annals.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Registered schemas kept in the event store itself, as events of type {@value #EVENT_TYPE} in the
 * stream {@value #STREAM}: any backend keeps them with no table of its own, they travel with an export,
 * and projections skip them (no projection registers that type). The first registration of a type and
 * version wins; a later one of the same pair is ignored on read, as registered versions never change.
 */
public final class StoredSchemas {

    /** The stream that holds the registrations. */
    public static final String STREAM = "annals-schemas";
    /** The event type of one registration. */
    public static final String EVENT_TYPE = "EventSchemaRegistered";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredSchemas() {}

    /** Every schema registered in {@code reader}'s store, sorted by type and version. */
    public static List<EventSchema> read(EventReader reader) {
        requireNonNull(reader, "reader");
        var byKey = new LinkedHashMap<String, EventSchema>();
        try (Stream<RecordedEvent> events = reader.readStream(STREAM)) {
            events.filter(event -> event.type().equals(EVENT_TYPE))
                    .map(StoredSchemas::decode)
                    .forEach(schema -> byKey.putIfAbsent(schema.label(), schema));
        }
        return byKey.values().stream()
                .sorted(Comparator.comparing(EventSchema::type).thenComparing(EventSchema::version))
                .toList();
    }

    /** Records {@code schemas} in {@code store}, in one append; nothing when the list is empty. */
    public static void register(EventStore store, List<EventSchema> schemas) {
        requireNonNull(store, "store");
        requireNonNull(schemas, "schemas");
        if (schemas.isEmpty()) {
            return;
        }
        store.append(
                STREAM,
                ExpectedVersion.any(),
                schemas.stream().map(StoredSchemas::encode).toList());
    }

    private static EventData encode(EventSchema schema) {
        var payload = JSON.createObjectNode().put("type", schema.type()).put("version", schema.version());
        payload.set("schema", schema.schema());
        try {
            return EventData.of(EVENT_TYPE, JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the schema of " + schema.label(), e);
        }
    }

    private static EventSchema decode(RecordedEvent event) {
        try {
            var payload = JSON.readTree(event.payloadAsString());
            return new EventSchema(
                    payload.path("type").asText(), payload.path("version").asInt(), (ObjectNode)
                            payload.path("schema"));
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(
                    "the schema registration at position " + event.position() + " (event " + event.eventId()
                            + ") is malformed",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}

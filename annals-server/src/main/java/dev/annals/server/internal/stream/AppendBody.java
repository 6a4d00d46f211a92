package dev.annals.server.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.StrictJson;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of an append: {@code {"expectedVersion": "any"|"no_stream"|"stream_exists"|N, "events": [...]}}
 * where each event is {@code {"type", "data", "metadata"?, "eventId"?, "schemaVersion"?}}.
 * The whole body is checked before anything is appended, so a malformed request writes nothing.
 *
 * @param expected what the append expects of the stream
 * @param events   the events to append, at least one
 */
public record AppendBody(ExpectedVersion expected, List<EventData> events) {

    private static final Set<String> TOP_FIELDS = Set.of("expectedVersion", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "data", "metadata", "eventId", "schemaVersion");

    /** Parses {@code body}, or throws a 400 {@link ApiException} naming the first problem. */
    public static AppendBody parse(byte[] body) {
        var streamed = StreamedAppendBody.read(body);
        // Not the plain shape: the tree names whatever is wrong, or reads what the single pass leaves to it.
        return streamed != null ? streamed : parseTree(body);
    }

    /** Parses {@code body} as a tree, as every body was before {@link StreamedAppendBody}. */
    static AppendBody parseTree(byte[] body) {
        JsonNode root = StrictJson.readTree(body, "the body");
        if (root == null || !root.isObject()) {
            throw invalid("the body must be a JSON object with \"events\"", "");
        }
        unknownFields(root, TOP_FIELDS, "");
        ExpectedVersion expected = expected(root.get("expectedVersion"));
        JsonNode events = root.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw invalid("\"events\" must be a non-empty array", "events");
        }
        var parsed = new ArrayList<EventData>(events.size());
        var indexOfId = new HashMap<UUID, Integer>();
        for (int i = 0; i < events.size(); i++) {
            EventData event = event(events.get(i), "events[" + i + "]");
            Integer earlier = indexOfId.putIfAbsent(event.eventId(), i);
            if (earlier != null) {
                throw ApiException.invalid(
                        "duplicate_event_id",
                        "event id " + event.eventId() + " appears at events[" + earlier + "] and events[" + i + "]",
                        Map.of("eventId", event.eventId().toString()));
            }
            parsed.add(event);
        }
        return new AppendBody(expected, List.copyOf(parsed));
    }

    private static ExpectedVersion expected(JsonNode node) {
        if (node == null || node.isNull()) {
            return ExpectedVersion.any();
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "any" -> ExpectedVersion.any();
                case "no_stream" -> ExpectedVersion.noStream();
                case "stream_exists" -> ExpectedVersion.streamExists();
                default ->
                    throw invalid(
                            "\"expectedVersion\" must be \"any\", \"no_stream\", \"stream_exists\""
                                    + " or a version of -1 or more",
                            "expectedVersion");
            };
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= -1) {
            return ExpectedVersion.exact(node.asLong());
        }
        throw invalid(
                "\"expectedVersion\" must be \"any\", \"no_stream\", \"stream_exists\" or a version of -1" + " or more",
                "expectedVersion");
    }

    private static EventData event(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be an object with \"type\" and \"data\"", where);
        }
        unknownFields(node, EVENT_FIELDS, where + ".");
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw invalid(where + ".type must be a non-blank string", where + ".type");
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw invalid(where + ".data is missing", where + ".data");
        }
        return new EventData(
                eventId(node.get("eventId"), where),
                type.asText(),
                schemaVersion(node, where),
                bytes(data),
                metadata(node.get("metadata"), where));
    }

    private static UUID eventId(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return EventIds.next();
        }
        try {
            if (node.isTextual()) {
                return UUID.fromString(node.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below with the field's name
        }
        throw invalid(where + ".eventId must be a UUID string", where + ".eventId");
    }

    private static int schemaVersion(JsonNode node, String where) {
        JsonNode value = node.get("schemaVersion");
        if (value == null) {
            return 1;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 1) {
            return value.asInt();
        }
        throw invalid(where + ".schemaVersion must be an integer of 1 or more", where + ".schemaVersion");
    }

    private static Metadata metadata(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Metadata.empty();
        }
        if (!node.isObject()) {
            throw invalid(where + ".metadata must be an object of strings", where + ".metadata");
        }
        var values = new HashMap<String, String>();
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw invalid(where + ".metadata." + field.getKey() + " must be a string", where + ".metadata");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return Metadata.of(values);
    }

    private static byte[] bytes(JsonNode data) {
        try {
            return ApiJson.MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parsed JSON could not be written back", e);
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(
                        "unknown field \"" + prefix + name + "\" (expected "
                                + String.join(", ", known.stream().sorted().toList()) + ")",
                        prefix + name);
            }
        }
    }

    private static ApiException invalid(String message, String field) {
        return ApiException.invalid("invalid_body", message, field.isEmpty() ? Map.of() : Map.of("field", field));
    }
}

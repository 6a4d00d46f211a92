package dev.annals.cli.append;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.cli.RejectedRequestException;
import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.MetadataJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the events of an NDJSON file: one {@code {"type":…,"data":…}} object per line, optionally with
 * {@code "metadata"} (an object of strings) and {@code "eventId"} (a UUID). Blank lines are skipped.
 * Every line is checked before any event is returned, so a bad line rejects the whole file.
 */
final class NdjsonEvents {

    private static final Set<String> FIELDS = Set.of("type", "data", "metadata", "eventId");

    private NdjsonEvents() {}

    /**
     * The file's events, in order.
     *
     * @throws RejectedRequestException naming the file, the line and the problem
     */
    static List<EventData> read(Path file) {
        var events = new ArrayList<EventData>();
        var lineOfId = new HashMap<UUID, Integer>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    events.add(parse(line, "'" + file + "' line " + number, number, lineOfId));
                }
            }
        } catch (NoSuchFileException e) {
            throw new RejectedRequestException("cannot read '" + file + "': no such file", e);
        } catch (CharacterCodingException e) {
            throw new RejectedRequestException("cannot read '" + file + "': it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new RejectedRequestException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        if (events.isEmpty()) {
            throw new RejectedRequestException("'" + file + "' holds no events: give one JSON object per line");
        }
        return events;
    }

    private static EventData parse(String line, String where, int number, Map<UUID, Integer> lineOfId) {
        JsonNode node = JsonInput.parse(line, where);
        if (!node.isObject()) {
            throw problem(where, "expected a JSON object such as {\"type\":\"Deposited\",\"data\":{}}");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw problem(where, "unknown field \"" + name + "\" (expected type, data, metadata, eventId)");
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw problem(where, "\"type\" must be a non-blank string");
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw problem(where, "\"data\" is missing");
        }
        UUID eventId = eventId(node.get("eventId"), where);
        Integer earlier = lineOfId.putIfAbsent(eventId, number);
        if (earlier != null) {
            throw problem(where, "event id " + eventId + " was already used on line " + earlier);
        }
        return new EventData(eventId, type.asText(), 1, JsonInput.bytes(data), metadata(node.get("metadata"), where));
    }

    private static UUID eventId(JsonNode value, String where) {
        if (value == null) {
            return EventIds.next();
        }
        try {
            if (value.isTextual()) {
                return UUID.fromString(value.asText());
            }
        } catch (IllegalArgumentException e) {
            // Reported below.
        }
        throw problem(where, "\"eventId\" must be a UUID string, was " + value);
    }

    private static Metadata metadata(JsonNode value, String where) {
        if (value == null) {
            return Metadata.empty();
        }
        try {
            return MetadataJson.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw problem(where, "\"metadata\": " + e.getMessage());
        }
    }

    private static RejectedRequestException problem(String where, String what) {
        return new RejectedRequestException(where + ": " + what);
    }
}

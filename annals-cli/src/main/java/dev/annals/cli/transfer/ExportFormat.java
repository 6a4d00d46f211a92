package dev.annals.cli.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * One exported event as one line of JSON: {@code position, stream, version, id, type, schemaVersion,
 * data, metadata, recordedAt}. {@code data} holds the payload as JSON when writing it back gives the
 * very same bytes; otherwise {@code dataBase64} holds the bytes, so an import restores every payload
 * byte for byte.
 */
final class ExportFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormat() {
    }

    static String write(RecordedEvent event) throws JsonProcessingException {
        var line = JSON.createObjectNode()
                .put("position", event.position())
                .put("stream", event.stream())
                .put("version", event.streamVersion())
                .put("id", event.eventId().toString())
                .put("type", event.type())
                .put("schemaVersion", event.schemaVersion());
        var data = parseExactly(event.payload());
        if (data != null) {
            line.set("data", data);
        } else {
            line.put("dataBase64", Base64.getEncoder().encodeToString(event.payload()));
        }
        line.set("metadata", JSON.valueToTree(event.metadata().values()));
        line.put("recordedAt", event.recordedAt().toString());
        return JSON.writeValueAsString(line);
    }

    static RecordedEvent read(String text) throws IOException {
        JsonNode line = JSON.readTree(text);
        byte[] payload = line.has("dataBase64")
                ? Base64.getDecoder().decode(required(line, "dataBase64").asText())
                : JSON.writeValueAsBytes(required(line, "data"));
        var metadata = new LinkedHashMap<String, String>();
        line.path("metadata").fields().forEachRemaining(entry -> metadata.put(entry.getKey(), entry.getValue().asText()));
        return new RecordedEvent(
                required(line, "stream").asText(),
                required(line, "version").asLong(),
                required(line, "position").asLong(),
                UUID.fromString(required(line, "id").asText()),
                required(line, "type").asText(),
                required(line, "schemaVersion").asInt(),
                payload,
                Metadata.of(metadata),
                Instant.parse(required(line, "recordedAt").asText()));
    }

    private static JsonNode required(JsonNode line, String field) throws IOException {
        var value = line.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("missing field '" + field + "'");
        }
        return value;
    }

    private static JsonNode parseExactly(byte[] payload) {
        try {
            var tree = JSON.readTree(payload);
            return tree != null && Arrays.equals(JSON.writeValueAsBytes(tree), payload) ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }
}

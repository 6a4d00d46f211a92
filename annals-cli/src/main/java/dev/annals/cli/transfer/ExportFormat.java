package dev.annals.cli.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.StoredSubjectKey;
import dev.annals.store.jdbc.transfer.StreamMark;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * The lines of an export file (docs/export-import.md). Version 2 starts with a header, {@code {"kind":
 * "header","format":"annals-export","version":2}}, lists the events, then the stream marks and subject keys
 * ({@link ErasureLines}), and ends with {@code {"kind":"end","events":N,"streamMarks":M,"subjectKeys":K}}, so
 * that a file cut short is noticed. Version 1 (Annals before the header) holds events only; it still imports.
 *
 * <p>One event is one line without {@code kind}: {@code position, stream, version, id, type, schemaVersion,
 * data, metadata, recordedAt}. {@code data} holds the payload as JSON when writing it back gives the
 * very same bytes; otherwise {@code dataBase64} holds the bytes, so an import restores every payload
 * byte for byte.
 */
final class ExportFormat {

    /** The version this Annals writes; it reads this one and every one before. */
    static final int VERSION = 2;

    private static final String FORMAT = "annals-export";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormat() {}

    static String header() throws JsonProcessingException {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("kind", "header")
                .put("format", FORMAT)
                .put("version", VERSION));
    }

    static String write(StreamMark mark) throws JsonProcessingException {
        return JSON.writeValueAsString(ErasureLines.write(JSON, mark));
    }

    static String write(StoredSubjectKey key) throws JsonProcessingException {
        return JSON.writeValueAsString(ErasureLines.write(JSON, key));
    }

    static String end(long events, long marks, long keys) throws JsonProcessingException {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("kind", "end")
                .put("events", events)
                .put("streamMarks", marks)
                .put("subjectKeys", keys));
    }

    /**
     * The record {@code text} holds.
     *
     * @throws IOException naming what is wrong: not JSON, a missing field, an unknown kind, a newer version
     */
    static ExportRecord read(String text) throws IOException {
        JsonNode line = JSON.readTree(text);
        if (line == null || !line.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (!line.has("kind")) {
            return new ExportRecord.Event(event(line));
        }
        var kind = line.get("kind").asText();
        return switch (kind) {
            case "header" -> header(line);
            case ErasureLines.MARK -> new ExportRecord.Mark(ErasureLines.readMark(line));
            case ErasureLines.KEY -> new ExportRecord.Key(ErasureLines.readKey(line));
            case "end" ->
                new ExportRecord.End(
                        required(line, "events").asLong(),
                        required(line, "streamMarks").asLong(),
                        required(line, "subjectKeys").asLong());
            default -> throw new IOException("unknown kind '" + kind + "' (written by a newer Annals?)");
        };
    }

    private static ExportRecord.Header header(JsonNode line) throws IOException {
        if (!FORMAT.equals(required(line, "format").asText())) {
            throw new IOException(
                    "not an annals export: format '" + line.get("format").asText() + "'");
        }
        int version = required(line, "version").asInt();
        if (version < 2 || version > VERSION) {
            throw new IOException("export format version " + version + " is not one this Annals reads (1 to " + VERSION
                    + "); import it with the Annals that wrote it, or a newer one");
        }
        return new ExportRecord.Header(version);
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

    private static RecordedEvent event(JsonNode line) throws IOException {
        byte[] payload = line.has("dataBase64")
                ? Base64.getDecoder().decode(required(line, "dataBase64").asText())
                : JSON.writeValueAsBytes(required(line, "data"));
        var metadata = new LinkedHashMap<String, String>();
        line.path("metadata")
                .fields()
                .forEachRemaining(
                        entry -> metadata.put(entry.getKey(), entry.getValue().asText()));
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

    static JsonNode required(JsonNode line, String field) throws IOException {
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

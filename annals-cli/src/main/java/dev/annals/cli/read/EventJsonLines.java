package dev.annals.cli.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.annals.event.RecordedEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a recorded event as one line of JSON: stream, version, position, eventId, type, schemaVersion,
 * data (embedded as JSON), metadata (an object of strings) and recordedAt (ISO-8601).
 */
final class EventJsonLines {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private EventJsonLines() {}

    /** The event as one line of JSON, without a line break. */
    static String line(RecordedEvent event) {
        var text = new StringWriter(256 + event.payload().length);
        try (JsonGenerator json = MAPPER.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("stream", event.stream());
            json.writeNumberField("version", event.streamVersion());
            json.writeNumberField("position", event.position());
            json.writeStringField("eventId", event.eventId().toString());
            json.writeStringField("type", event.type());
            json.writeNumberField("schemaVersion", event.schemaVersion());
            json.writeFieldName("data");
            json.writeTree(data(event));
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : event.metadata().values().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeStringField("recordedAt", event.recordedAt().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write event " + event.eventId() + " as JSON", e);
        }
        return text.toString();
    }

    private static JsonNode data(RecordedEvent event) {
        try {
            return MAPPER.readTree(event.payload());
        } catch (IOException e) {
            // Not written by the CLI, and not JSON: show it as text rather than emit a broken line.
            return MAPPER.getNodeFactory().textNode(event.payloadAsString());
        }
    }
}

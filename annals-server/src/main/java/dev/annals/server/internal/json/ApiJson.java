package dev.annals.server.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.event.RecordedEvent;
import dev.annals.store.StreamInfo;
import java.io.IOException;
import java.util.Map;

/** The one JSON mapper of the HTTP API and the shapes of the objects it writes. */
public final class ApiJson {

    /** Numbers keep their exact text: a payload passes through the server unchanged in meaning. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ApiJson() {}

    /** A recorded event: stream, version, position, eventId, type, schemaVersion, data, metadata, recordedAt. */
    public static ObjectNode event(RecordedEvent event) {
        var node = MAPPER.createObjectNode();
        node.put("stream", event.stream());
        node.put("version", event.streamVersion());
        node.put("position", event.position());
        node.put("eventId", event.eventId().toString());
        node.put("type", event.type());
        node.put("schemaVersion", event.schemaVersion());
        node.set("data", data(event));
        var metadata = node.putObject("metadata");
        for (Map.Entry<String, String> entry : event.metadata().values().entrySet()) {
            metadata.put(entry.getKey(), entry.getValue());
        }
        node.put("recordedAt", event.recordedAt().toString());
        return node;
    }

    /** A stream's summary: stream, version, lastPosition. */
    public static ObjectNode stream(StreamInfo info) {
        var node = MAPPER.createObjectNode();
        node.put("stream", info.stream());
        node.put("version", info.version());
        node.put("lastPosition", info.lastPosition());
        return node;
    }

    private static JsonNode data(RecordedEvent event) {
        try {
            return MAPPER.readTree(event.payload());
        } catch (IOException e) {
            // Appended by another client as non-JSON bytes: show it as text rather than fail the read.
            return MAPPER.getNodeFactory().textNode(event.payloadAsString());
        }
    }
}

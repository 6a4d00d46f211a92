package dev.annals.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The API's JSON as the client writes and reads it. Payloads are sent as they are (raw JSON) and read back
 * with numbers kept as written, the way the server keeps them, so that a payload comes back byte for byte
 * when it was sent as compact JSON.
 */
public final class ClientJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ClientJson() {}

    static JsonNode parse(byte[] body, HttpRequest request) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new EventStoreException(
                    "the answer to " + request.method() + " " + request.uri() + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The body of an append: {@code {"expectedVersion": ..., "events": [...]}}. */
    public static byte[] appendBody(ExpectedVersion expected, List<EventData> events) {
        var root = MAPPER.createObjectNode();
        switch (expected) {
            case ExpectedVersion.Any any -> root.put("expectedVersion", "any");
            case ExpectedVersion.NoStream none -> root.put("expectedVersion", "no_stream");
            case ExpectedVersion.StreamExists exists -> root.put("expectedVersion", "stream_exists");
            case ExpectedVersion.Exact exact -> root.put("expectedVersion", exact.version());
        }
        var array = root.putArray("events");
        for (EventData event : events) {
            var node = array.addObject();
            node.put("eventId", event.eventId().toString());
            node.put("type", event.type());
            node.put("schemaVersion", event.schemaVersion());
            node.putRawValue("data", new RawValue(event.payloadAsString()));
            var metadata = node.putObject("metadata");
            event.metadata().values().forEach(metadata::put);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("an append body could not be written as JSON", e);
        }
    }

    /** A recorded event as the read routes give it. */
    public static RecordedEvent event(JsonNode node) {
        var metadata = new TreeMap<String, String>();
        node.path("metadata")
                .fields()
                .forEachRemaining(
                        field -> metadata.put(field.getKey(), field.getValue().asText()));
        byte[] payload;
        try {
            payload = MAPPER.writeValueAsString(node.get("data")).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a payload could not be written back as JSON", e);
        }
        return new RecordedEvent(
                node.get("stream").asText(),
                node.get("version").asLong(),
                node.get("position").asLong(),
                UUID.fromString(node.get("eventId").asText()),
                node.get("type").asText(),
                node.get("schemaVersion").asInt(),
                payload,
                Metadata.of(metadata),
                Instant.parse(node.get("recordedAt").asText()));
    }

    /** A stream's summary as {@code GET /streams} gives it. */
    public static StreamInfo stream(JsonNode node) {
        return new StreamInfo(
                node.get("stream").asText(),
                node.get("version").asLong(),
                node.get("lastPosition").asLong());
    }
}

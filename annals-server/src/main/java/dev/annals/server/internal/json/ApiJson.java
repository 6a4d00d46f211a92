package dev.annals.server.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.event.RecordedEvent;
import dev.annals.server.internal.input.StrictUtf8;
import dev.annals.store.StreamInfo;
import java.io.IOException;
import java.util.Map;

/** The one JSON mapper of the HTTP API and the shapes of the objects it writes. */
public final class ApiJson {

    /** Buffers kept for reuse: as many as requests in flight by default, beyond which they are dropped. */
    private static final int POOLED_BUFFERS = 256;

    /**
     * Numbers keep their exact text: a payload passes through the server unchanged in meaning.
     *
     * <p>Its parsers and generators take their buffers from one bounded pool shared by all threads. Jackson's
     * default pool is per thread, and each request runs on a virtual thread of its own that never comes
     * back: every parser and generator allocated its buffers afresh (a tenth of an append's JSON work).
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED_BUFFERS))
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The JSON of events written again: the same event objects, as a store's kept page hands them out. */
    private static final RenderedEvents RENDERED = new RenderedEvents();

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

    /**
     * Writes {@code event} to {@code json} as {@link #event} shapes it, without building its tree: a payload
     * that is one well-formed JSON value (strict UTF-8, no duplicate field, nothing after it) is copied as it
     * is stored, which is how the server wrote it; any other is shaped as {@link #event} does.
     */
    public static void writeEvent(JsonGenerator json, RecordedEvent event) throws IOException {
        byte[] known = RENDERED.json(event);
        if (known == null && RENDERED.seenBefore(event)) {
            known = JsonBody.write(again -> writeEventFields(again, event));
            RENDERED.remember(event, known);
        }
        if (known != null) {
            json.writeRawValue(new RawJson(known));
        } else {
            writeEventFields(json, event);
        }
    }

    private static void writeEventFields(JsonGenerator json, RecordedEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("stream", event.stream());
        json.writeNumberField("version", event.streamVersion());
        json.writeNumberField("position", event.position());
        json.writeStringField("eventId", event.eventId().toString());
        json.writeStringField("type", event.type());
        json.writeNumberField("schemaVersion", event.schemaVersion());
        json.writeFieldName("data");
        byte[] payload = event.payload();
        if (StrictUtf8.isWellFormed(payload) && isOneJsonValue(payload)) {
            // Copied as bytes: decoding it to a String and encoding it back was a read's largest JSON cost.
            json.writeRawValue(new RawJson(payload));
        } else {
            json.writeTree(data(event));
        }
        json.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> entry : event.metadata().values().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeStringField("recordedAt", event.recordedAt().toString());
        json.writeEndObject();
    }

    /** Whether well-formed UTF-8 {@code payload} reads as exactly one JSON value under the API's parser rules. */
    private static boolean isOneJsonValue(byte[] payload) {
        if (payload.length == 0) {
            return false;
        }
        try (JsonParser parser = MAPPER.createParser(payload)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
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

package dev.annals.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.Metadata;
import dev.annals.store.EventStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Encodes metadata as a flat JSON object of strings, the form every backend stores. */
public final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private MetadataJson() {}

    public static byte[] encode(Metadata metadata) {
        if (metadata.isEmpty()) {
            return EMPTY;
        }
        try {
            return MAPPER.writeValueAsBytes(metadata.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata could not be encoded as JSON", e);
        }
    }

    public static Metadata decode(byte[] json) {
        if (json == null || json.length == 0 || (json.length == 2 && json[0] == '{' && json[1] == '}')) {
            return Metadata.empty();
        }
        try {
            return Metadata.of(MAPPER.readValue(json, MAP));
        } catch (IOException e) {
            throw new EventStoreException(
                    "stored metadata is not a JSON object of strings: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * Parses metadata given by a user, such as {@code {"user":"ann"}}.
     *
     * @throws IllegalArgumentException naming what is wrong when it is not a flat JSON object of strings
     */
    public static Metadata parse(String json) {
        try {
            return Metadata.of(MAPPER.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "metadata must be a JSON object of string values: " + e.getOriginalMessage(), e);
        }
    }
}

package dev.annals.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annals.store.EventStoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata as a flat JSON object of strings: the form every backend stores, the one an event's size limit
 * counts, and the one users write on the command line.
 *
 * <p>It is part of the contract, not of one backend, because the size limit and the comparison of a retried
 * append must agree on every store. It uses Jackson's streaming core only, so that the contract does not
 * carry a data-binding library.
 */
public final class MetadataJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private MetadataJson() {}

    /** The stored form: keys in order (metadata keeps them sorted), so equal metadata gives equal bytes. */
    public static byte[] encode(Metadata metadata) {
        if (metadata.isEmpty()) {
            return EMPTY;
        }
        var bytes = new ByteArrayOutputStream(64);
        try (var out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            for (var entry : metadata.values().entrySet()) {
                out.writeStringField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("metadata could not be encoded as JSON", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the stored form back.
     *
     * @throws EventStoreException when the stored bytes are not a JSON object of strings
     */
    public static Metadata decode(byte[] json) {
        if (json == null || json.length == 0 || (json.length == 2 && json[0] == '{' && json[1] == '}')) {
            return Metadata.empty();
        }
        try (var in = JSON.createParser(json)) {
            return read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventStoreException(
                    "stored metadata is not a JSON object of strings: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * Parses metadata given by a user, such as {@code {"user":"ann"}}; numbers and booleans are taken as
     * their text.
     *
     * @throws IllegalArgumentException naming what is wrong when it is not a flat JSON object of strings
     */
    public static Metadata parse(String json) {
        try (var in = JSON.createParser(json)) {
            return read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "metadata must be a JSON object of string values: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static Metadata read(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("it does not start with '{'");
        }
        var values = new LinkedHashMap<String, String>();
        for (var token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
            String key = in.currentName();
            var value = in.nextToken();
            if (token == null || value == null) {
                throw new IllegalArgumentException("it ends before its closing '}'");
            }
            if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                throw new IllegalArgumentException("the value of '" + key + "' is not a string");
            }
            values.put(key, in.getText());
        }
        return Metadata.of(Map.copyOf(values));
    }
}

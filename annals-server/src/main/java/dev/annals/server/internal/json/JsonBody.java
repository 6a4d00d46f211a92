package dev.annals.server.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A response body written with a streaming generator straight into UTF-8 bytes: no tree of nodes, no
 * {@code String} to encode again. For the answers the API gives most often (a page of a stream, an append).
 */
public final class JsonBody {

    /** What writes one body. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonBody() {}

    /** The bytes {@code writer} writes with the API's mapper's settings. */
    public static byte[] write(Writer writer) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = ApiJson.MAPPER.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            // Only a bug writes malformed JSON here: a ByteArrayOutputStream itself never fails.
            throw new UncheckedIOException("a response body could not be written", e);
        }
        return out.toByteArray();
    }
}

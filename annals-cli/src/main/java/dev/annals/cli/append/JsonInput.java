package dev.annals.cli.append;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.annals.cli.RejectedRequestException;

/**
 * Checks that text given by a user is well-formed JSON, and turns it into the bytes stored: compact,
 * with numbers kept exactly as written (no rounding of decimals, no dropped trailing zeros).
 */
final class JsonInput {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonInput() {}

    /**
     * Parses {@code text} as one JSON document.
     *
     * @param what names the input in errors, such as {@code the event data}
     * @throws RejectedRequestException naming the problem and where it is
     */
    static JsonNode parse(String text, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            // One-line input (the usual case) is located by its column alone.
            String where = location == null
                    ? ""
                    : text.lines().count() > 1
                            ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                            : " (column " + location.getColumnNr() + ")";
            // Jackson names its input source inside nested locations; the user knows what they typed.
            String problem =
                    e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]", "$1");
            throw new RejectedRequestException(what + " is not well-formed JSON: " + problem + where, e);
        }
        if (node == null || node.isMissingNode()) {
            throw new RejectedRequestException(what + " is empty: give a JSON document such as {}");
        }
        return node;
    }

    /** The compact JSON bytes of {@code node}. */
    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}

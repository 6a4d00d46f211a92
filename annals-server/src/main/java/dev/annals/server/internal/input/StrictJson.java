package dev.annals.server.internal.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import java.io.IOException;
import java.util.Map;

/**
 * A request body read as JSON without changing its data: the bytes must be well-formed UTF-8 (Jackson
 * would decode an over-long {@code C0 AF} as {@code /}) and no string or field name may hold an unpaired
 * surrogate, such as an escaped <code>&#92;ud800</code> (which becomes {@code ?} once stored as UTF-8).
 */
public final class StrictJson {

    private StrictJson() {}

    /**
     * The JSON tree of {@code body}, or null for an empty body.
     *
     * @param what the body's name in messages, such as {@code "the body"} or {@code "the body of command 'deposit'"}
     * @throws ApiException a 400: {@code invalid_encoding} for malformed UTF-8 or an unpaired surrogate
     *                      (naming the byte offset or the field), {@code malformed_json} for what is not JSON
     */
    public static JsonNode readTree(byte[] body, String what) {
        var malformed = StrictUtf8.firstMalformed(body);
        if (malformed.isPresent()) {
            throw ApiException.invalid(
                    "invalid_encoding",
                    what + " is not valid UTF-8: the bytes at offset " + malformed.getAsInt()
                            + " are malformed, over-long or incomplete",
                    Map.of("offset", malformed.getAsInt()));
        }
        JsonNode root;
        try {
            root = ApiJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.invalid(
                    "malformed_json", what + " is not valid JSON: " + JsonSyntaxMessage.of(e), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("a request body in memory could not be read", e);
        }
        if (root != null && !root.isMissingNode() && mayHoldEscapes(body)) {
            checkSurrogates(root, "", what);
        }
        return root == null || root.isMissingNode() ? null : root;
    }

    /**
     * Whether {@code body} holds a backslash. Well-formed UTF-8 cannot encode a surrogate, so only a
     * <code>&#92;u</code> escape can put one in a string: a body without a backslash (most) skips the walk of its
     * tree, which built a path for every field.
     */
    private static boolean mayHoldEscapes(byte[] body) {
        for (byte b : body) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }

    private static void checkSurrogates(JsonNode node, String path, String what) {
        if (node.isTextual()) {
            unpaired(node.textValue(), path, what, "value");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkSurrogates(node.get(i), path + "[" + i + "]", what);
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                unpaired(field.getKey(), child, what, "field name");
                checkSurrogates(field.getValue(), child, what);
            }
        }
    }

    private static void unpaired(String text, String path, String what, String kind) {
        int at = StrictUtf8.firstUnpairedSurrogate(text);
        if (at >= 0) {
            // The path itself may hold the surrogate: shown escaped, for a JSON answer cannot carry it.
            String shown = StrictUtf8.escapeSurrogates(path);
            String field = path.isEmpty() ? "(the whole body)" : "'" + shown + "'";
            throw ApiException.invalid(
                    "invalid_encoding",
                    what + " holds an unpaired UTF-16 surrogate"
                            + String.format(" \\u%04x", (int) text.charAt(at)) + " in the " + kind + " at " + field
                            + ": text must be valid Unicode (escape a character outside the BMP as a surrogate pair)",
                    Map.of("field", shown));
        }
    }
}

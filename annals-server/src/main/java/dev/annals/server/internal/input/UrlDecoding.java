package dev.annals.server.internal.input;

import dev.annals.server.internal.error.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the request's path and query string before any route reads them: every {@code %} starts an
 * escape of two hex digits, and the decoded bytes are well-formed UTF-8. Otherwise the request is a 400
 * naming the part and the character, before authentication and before any handler: Javalin's own decoding
 * would throw (a 500 with a stack trace) on a broken escape, and turn malformed bytes into {@code U+FFFD},
 * so that {@code %FF} and {@code %C0%AF} named the same stream.
 */
public final class UrlDecoding {

    private UrlDecoding() {}

    /** Registers the check as the first before-handler of {@code app}. */
    public static void install(Javalin app) {
        app.before(UrlDecoding::check);
    }

    static void check(Context ctx) {
        decode(ctx.req().getRequestURI(), "the request path", Map.of("part", "path"));
        String query = ctx.req().getQueryString();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, "a query parameter's name", Map.of("part", "query"));
            if (equals >= 0) {
                decode(
                        pair.substring(equals + 1),
                        "query parameter '" + name + "'",
                        Map.of("part", "query", "parameter", name));
            }
        }
    }

    /**
     * {@code raw} with its percent-escapes decoded as strict UTF-8 ({@code +} stays as it is).
     *
     * @throws ApiException a 400 {@code invalid_url} naming {@code what} and the offending escape
     */
    static String decode(String raw, String what, Map<String, Object> details) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                String escape = raw.substring(i, Math.min(raw.length(), i + 3));
                throw invalid(
                        what + " has a broken percent-escape '" + escape + "' at character " + (i + 1)
                                + ": '%' must be followed by two hex digits (write '%25' for '%' itself)",
                        details);
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        byte[] decoded = bytes.toByteArray();
        var malformed = StrictUtf8.firstMalformed(decoded);
        if (malformed.isPresent()) {
            throw invalid(
                    what + " is not valid UTF-8 once its percent-escapes are decoded (byte "
                            + (malformed.getAsInt() + 1) + " of " + decoded.length + " is malformed, over-long"
                            + " or incomplete)",
                    details);
        }
        return StrictUtf8.decode(decoded);
    }

    private static ApiException invalid(String message, Map<String, Object> details) {
        return ApiException.invalid("invalid_url", message, new LinkedHashMap<>(details));
    }
}

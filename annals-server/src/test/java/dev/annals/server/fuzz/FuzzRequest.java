package dev.annals.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, kept as the bytes it is sent as so that it can be what no HTTP library would
 * build: a request line with any method and target, header lines of any ISO-8859-1 bytes, any body.
 *
 * @param inputClass what kind of bad input it is, as reported when a property fails ("truncated JSON")
 * @param method     the request method, sent as written
 * @param target     the request target, sent as written (percent-escapes included)
 * @param headers    header lines without the line end, such as {@code Last-Event-ID: x}
 * @param credential which bearer token the fuzzer adds, if any
 * @param body       the body; its length is always declared in {@code Content-Length}
 */
public record FuzzRequest(
        String inputClass, String method, String target, List<String> headers, Credential credential, byte[] body) {

    /** The token a request carries; the server fixture turns it into a header. */
    public enum Credential {
        NONE,
        ADMIN,
        READER,
        PREFIXED_WRITER,
        UNKNOWN
    }

    /** True when the body is beyond what the fuzzed server accepts, so it may reset the connection. */
    public boolean oversized(long limit) {
        return body.length > limit;
    }

    /** Everything a response could echo back of this request, to tell an echo from a leak. */
    public String echoable() {
        return method + " " + target + " " + String.join(" ", headers) + " " + new String(body, StandardCharsets.UTF_8)
                + " " + new String(body, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
        return "[" + inputClass + "] " + method + " " + printable(target) + " "
                + headers.stream().map(FuzzRequest::printable).toList()
                + " token=" + credential + " body(" + body.length + " bytes)=" + printable(shown);
    }

    private static String printable(String text) {
        var out = new StringBuilder();
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

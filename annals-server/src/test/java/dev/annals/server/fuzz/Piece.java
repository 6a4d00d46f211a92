package dev.annals.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A generated part of a request and the input class it belongs to, such as {@code ("stream name: '..'", "..")}.
 *
 * @param label the input class, for reports and failures
 * @param text  the text as it goes on the wire (a path segment or query value already percent-encoded)
 */
public record Piece(String label, String text) {

    /** {@code value} percent-encoded as UTF-8, keeping only unreserved characters as they are. */
    public static Piece encoded(String label, String value) {
        var out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Piece(label, out.toString(StandardCharsets.US_ASCII));
    }

    /** {@code text} sent as written. */
    public static Piece raw(String label, String text) {
        return new Piece(label, text);
    }
}

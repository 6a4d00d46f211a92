package dev.annals.client.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encodes one path segment or query value: every byte but the URI's unreserved characters. */
public final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {}

    /** {@code text} with every byte other than {@code A-Z a-z 0-9 - _ ~} (a dot too, so that no segment reads as {@code ..}) written as {@code %XX}. */
    public static String encode(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}

package dev.annals.server.internal.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Strict UTF-8: over-long forms ({@code C0 AF} for {@code /}), encoded surrogates, truncated sequences
 * and bytes that are never UTF-8 are errors, where the JDK's and Jackson's usual decoding would replace
 * them with {@code U+FFFD} or decode them anyway and so change the data.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** The offset of the first byte of {@code bytes} that is not part of well-formed UTF-8, if any. */
    public static OptionalInt firstMalformed(byte[] bytes) {
        if (isAscii(bytes)) {
            // Most bodies and payloads: nothing to decode, and no 16 KiB buffer to allocate per request.
            return OptionalInt.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(Math.min(bytes.length + 1, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return OptionalInt.of(in.position());
            }
            if (result.isUnderflow()) {
                return OptionalInt.empty();
            }
            out.clear();
        }
    }

    /**
     * Whether {@code bytes} are well-formed UTF-8, as {@link #firstMalformed} finds; cheaper for text that
     * decodes cleanly. The JDK's decoding is the fast check: text holding no replacement character decoded
     * cleanly, and only text that holds U+FFFD (rare) pays for the strict check.
     */
    public static boolean isWellFormed(byte[] bytes) {
        return isAscii(bytes)
                || new String(bytes, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0
                || firstMalformed(bytes).isEmpty();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text of well-formed {@code bytes}; call {@link #firstMalformed} first. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The index of the first unpaired UTF-16 surrogate in {@code text}, or -1 when every one is paired. */
    public static int firstUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with each unpaired surrogate written as <code>&#92;uXXXX</code>, so that it can be shown and sent. */
    public static String escapeSurrogates(String text) {
        int at = firstUnpairedSurrogate(text);
        if (at < 0) {
            return text;
        }
        return text.substring(0, at)
                + String.format("\\u%04x", (int) text.charAt(at))
                + escapeSurrogates(text.substring(at + 1));
    }
}

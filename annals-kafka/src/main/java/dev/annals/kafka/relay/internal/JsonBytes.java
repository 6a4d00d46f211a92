package dev.annals.kafka.relay.internal;

import java.util.Arrays;

/**
 * A growable byte buffer for writing one JSON document at a time from ready-made parts, reused from one
 * document to the next: what Jackson's generator does for the envelope, without its per-field state checks
 * (a fifth of the read-ahead's samples in the relay's profile). Strings are copied as they are only when
 * they need no escape; the caller writes the others with Jackson. Used by one thread at a time.
 */
final class JsonBytes {

    private byte[] bytes;
    private int length;

    JsonBytes(int capacity) {
        this.bytes = new byte[capacity];
    }

    void reset() {
        length = 0;
    }

    void raw(byte[] part) {
        room(part.length);
        System.arraycopy(part, 0, bytes, length, part.length);
        length += part.length;
    }

    /** Writes {@code text}, which the caller knows to be printable ASCII with no quote or backslash, quoted. */
    void quotedAscii(String text) {
        if (!quotedIfPlain(text)) {
            throw new IllegalArgumentException("not plain ASCII: " + text);
        }
    }

    /**
     * Writes {@code text} quoted when it is printable ASCII without a quote or a backslash, which JSON takes
     * as it is; otherwise writes nothing.
     *
     * @return whether it was written
     */
    boolean quotedIfPlain(String text) {
        int n = text.length();
        room(n + 2);
        int at = length;
        bytes[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
            bytes[at++] = (byte) c;
        }
        bytes[at++] = '"';
        length = at;
        return true;
    }

    /** Writes {@code value} as a quoted decimal string, as {@code Long.toString} spells it. */
    void quotedDecimal(long value) {
        if (value < 0) {
            // Positions and versions are never negative; a schema version could be, and is written all the same.
            quotedAscii(Long.toString(value));
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        room(digits + 2);
        bytes[length] = '"';
        int at = length + digits;
        for (long rest = value; at > length; rest /= 10) {
            bytes[at--] = (byte) ('0' + rest % 10);
        }
        length += digits + 1;
        bytes[length++] = '"';
    }

    /**
     * Writes an ISO-8601 UTC time quoted: {@code upToSecond} (ASCII, without a zone), then {@code nanos} as a
     * fraction without its trailing zeros (none when zero), then {@code Z}: {@code ISO_OFFSET_DATE_TIME}'s
     * spelling.
     */
    void quotedTime(byte[] upToSecond, int nanos) {
        room(upToSecond.length + 13);
        bytes[length++] = '"';
        System.arraycopy(upToSecond, 0, bytes, length, upToSecond.length);
        length += upToSecond.length;
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            bytes[length] = '.';
            for (int at = length + digits; at > length; nanos /= 10) {
                bytes[at--] = (byte) ('0' + nanos % 10);
            }
            length += digits + 1;
        }
        bytes[length++] = 'Z';
        bytes[length++] = '"';
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

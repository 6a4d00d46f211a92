package dev.annals.bench.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds benchmark payloads: valid JSON of an exact number of bytes. */
public final class Payloads {

    private static final byte[] OPEN = "{\"p\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\"}".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {}

    /** A JSON object of exactly {@code size} bytes (2 or more): {@code {"p":"xxx…"}}, or {@code {}} padded with spaces. */
    public static byte[] json(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a JSON payload takes at least 2 bytes, asked for " + size);
        }
        byte[] payload = new byte[size];
        if (size < OPEN.length + CLOSE.length) {
            Arrays.fill(payload, (byte) ' ');
            payload[0] = '{';
            payload[1] = '}';
            return payload;
        }
        System.arraycopy(OPEN, 0, payload, 0, OPEN.length);
        Arrays.fill(payload, OPEN.length, size - CLOSE.length, (byte) 'x');
        System.arraycopy(CLOSE, 0, payload, size - CLOSE.length, CLOSE.length);
        return payload;
    }
}

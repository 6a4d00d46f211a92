package dev.annals.audit;

import dev.annals.event.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The hash chain of the audit trail: each event's hash is SHA-256 over the previous event's hash and the
 * event's position, id, stream, version, type, schema version, payload, metadata (sorted by key) and
 * timestamp (microseconds), each field length-prefixed so no two events share an encoding. Any changed
 * byte, removed, inserted or reordered event changes every hash from there on.
 */
public final class EventHash {

    /** The "previous hash" of the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private EventHash() {}

    /**
     * The hash of {@code event} chained to {@code previous}.
     *
     * <p>The SQLite writer hashes every event it appends, so the fields go to the digest as they are: the
     * fixed-size ones and the names through one small buffer, the payload straight from the event, with no
     * copy of the whole encoding.
     */
    public static byte[] chain(byte[] previous, RecordedEvent event) {
        requireNonNull(previous, "previous");
        requireNonNull(event, "event");
        byte[] stream = event.stream().getBytes(StandardCharsets.UTF_8);
        byte[] type = event.type().getBytes(StandardCharsets.UTF_8);
        var head = ByteBuffer.allocate(previous.length + 8 + 16 + 4 + stream.length + 8 + 4 + type.length + 4 + 4)
                .put(previous)
                .putLong(event.position())
                .putLong(event.eventId().getMostSignificantBits())
                .putLong(event.eventId().getLeastSignificantBits())
                .putInt(stream.length)
                .put(stream)
                .putLong(event.streamVersion())
                .putInt(type.length)
                .put(type)
                .putInt(event.schemaVersion())
                .putInt(event.payload().length);
        MessageDigest sha256 = SHA_256.get();
        sha256.update(head.array());
        sha256.update(event.payload());
        sha256.update(metadata(event));
        sha256.update(ByteBuffer.allocate(8)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt()))
                .array());
        // digest() resets the instance, so each thread reuses one.
        return sha256.digest();
    }

    /** The metadata's count, then each key and value, sorted by key. */
    private static byte[] metadata(RecordedEvent event) {
        var values = event.metadata().values();
        if (values.isEmpty()) {
            return new byte[4];
        }
        var bytes = new ByteArrayOutputStream(64);
        try (var out = new DataOutputStream(bytes)) {
            var sorted = new TreeMap<>(values);
            out.writeInt(sorted.size());
            for (var entry : sorted.entrySet()) {
                text(out, entry.getKey());
                text(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code hash} as lower-case hex, as {@code annals verify} prints it. */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}

package dev.annals.audit;

import dev.annals.event.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** The hash of {@code event} chained to {@code previous}. */
    public static byte[] chain(byte[] previous, RecordedEvent event) {
        requireNonNull(previous, "previous");
        requireNonNull(event, "event");
        var bytes = new ByteArrayOutputStream(event.payload().length + 256);
        try (var out = new DataOutputStream(bytes)) {
            out.write(previous);
            out.writeLong(event.position());
            out.writeLong(event.eventId().getMostSignificantBits());
            out.writeLong(event.eventId().getLeastSignificantBits());
            text(out, event.stream());
            out.writeLong(event.streamVersion());
            text(out, event.type());
            out.writeInt(event.schemaVersion());
            out.writeInt(event.payload().length);
            out.write(event.payload());
            var metadata = new TreeMap<>(event.metadata().values());
            out.writeInt(metadata.size());
            for (var entry : metadata.entrySet()) {
                text(out, entry.getKey());
                text(out, entry.getValue());
            }
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(bytes.toByteArray());
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

    private static byte[] sha256(byte[] input) {
        // digest() resets the instance, so each thread reuses one (the SQLite writer hashes every event).
        return SHA_256.get().digest(input);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}

package dev.annals.audit;

import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain's encoding is the audit trail's format: stores sealed with it must verify for ever. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventHashTest {

    private static final Instant RECORDED = Instant.parse("2026-12-04T10:15:30.123456Z");

    @Test
    void hashes_an_event_without_metadata_as_the_documented_encoding_does() throws Exception {
        var event = event("account-42", "Deposited", "{\"amount\":10}", Metadata.empty());

        assertThat(EventHash.chain(EventHash.GENESIS, event)).isEqualTo(documented(EventHash.GENESIS, event));
    }

    @Test
    void hashes_metadata_sorted_by_key_as_the_documented_encoding_does() throws Exception {
        var previous = EventHash.chain(EventHash.GENESIS, event("a", "T", "{}", Metadata.empty()));
        var event = event("konto-é", "Überwiesen", "{}", Metadata.of(Map.of("z", "last", "a", "first", "m", "ü")));

        assertThat(EventHash.chain(previous, event)).isEqualTo(documented(previous, event));
    }

    @Test
    void a_changed_byte_changes_the_hash() {
        var one = event("account-42", "Deposited", "{\"amount\":10}", Metadata.empty());
        var other = event("account-42", "Deposited", "{\"amount\":11}", Metadata.empty());

        assertThat(EventHash.chain(EventHash.GENESIS, one)).isNotEqualTo(EventHash.chain(EventHash.GENESIS, other));
    }

    private static RecordedEvent event(String stream, String type, String json, Metadata metadata) {
        return new RecordedEvent(
                stream,
                7,
                1234,
                UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"),
                type,
                2,
                json.getBytes(StandardCharsets.UTF_8),
                metadata,
                RECORDED);
    }

    /** The encoding as the class documents it, written the plain way: the reference the fast one must match. */
    private static byte[] documented(byte[] previous, RecordedEvent event) throws Exception {
        var bytes = new ByteArrayOutputStream();
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
        }
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}

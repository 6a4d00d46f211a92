package dev.annals.cli;

import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectForgottenException;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.erasure.internal.FieldCipher;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.DeletionMode;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamInfo;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQLite store holding every kind of stream mark and subject key, and the checks that a copy of it deletes
 * and forgets what it does: {@code soft-1} soft-deleted, {@code tomb-1} tombstoned, {@code cut-1} truncated
 * before version 2, {@code back-1} soft-deleted and written again, {@code live-1} untouched; subject
 * {@code c-raw} with a raw key, {@code c-wrapped} with a key wrapped by {@link #MASTER}, {@code c-gone}
 * forgotten after its data was written, and {@code c-never} forgotten without ever having a key.
 */
public final class MarkedStore {

    /** The master key that wraps {@code c-wrapped}'s key. */
    public static final MasterKey MASTER = MasterKey.generate();

    private MarkedStore() {}

    /** Makes the store in {@code directory}. */
    public static void fill(Path directory) {
        try (var store = SqliteEventStore.open(directory)) {
            var raw = SqliteSubjectKeys.open(directory);
            var wrapped = SqliteSubjectKeys.open(directory, Optional.of(MASTER));
            append(store, "soft-1", 3);
            append(store, "tomb-1", 2);
            append(store, "cut-1", 4);
            append(store, "back-1", 2);
            store.append(
                    "live-1",
                    ExpectedVersion.any(),
                    List.of(
                            personal("c-raw", raw.keyFor("c-raw")),
                            personal("c-wrapped", wrapped.keyFor("c-wrapped")),
                            personal("c-gone", raw.keyFor("c-gone"))));
            store.deleteStream("soft-1", DeletionMode.SOFT);
            store.deleteStream("tomb-1", DeletionMode.HARD);
            store.truncateStream("cut-1", 2);
            store.deleteStream("back-1", DeletionMode.SOFT);
            append(store, "back-1", 1);
            raw.forget("c-gone");
            raw.forget("c-never");
        }
    }

    /** Checks what {@code store} reads by stream, and what {@code keys} (with {@link #MASTER}) decrypt. */
    public static <S extends EventStore & StreamDeletion> void assertHoldsTheMarksAndKeys(
            S store, SubjectKeyStore keys) {
        assertThat(store.readStream("soft-1").toList()).as("soft-deleted").isEmpty();
        assertThat(store.readStream("tomb-1").toList()).as("tombstoned").isEmpty();
        assertThat(store.readStream("cut-1").map(RecordedEvent::streamVersion).toList())
                .as("truncated")
                .containsExactly(2L, 3L);
        assertThat(store.readStream("back-1").map(RecordedEvent::streamVersion).toList())
                .as("written again")
                .containsExactly(2L);
        assertThat(store.streams().map(StreamInfo::stream).toList())
                .containsExactlyInAnyOrder("cut-1", "back-1", "live-1");
        var personal = store.readStream("live-1").toList();
        assertThat(open(personal.get(0), keys.find("c-raw").orElseThrow())).isEqualTo("\"Ada\"");
        assertThat(open(personal.get(1), keys.find("c-wrapped").orElseThrow())).isEqualTo("\"Ada\"");
        assertThat(keys.find("c-gone")).as("forgotten").isEmpty();
        assertThat(keys.find("c-never")).as("forgotten without a key").isEmpty();
    }

    /** Checks that {@code store} refuses and takes appends and keys as the source would; writes to it. */
    public static <S extends EventStore & StreamDeletion> void assertWritesAsTheSourceWould(
            S store, SubjectKeyStore keys) {
        assertThatThrownBy(() -> store.append("tomb-1", ExpectedVersion.any(), List.of(EventData.of("Noted", "{}"))))
                .isInstanceOf(StreamDeletedException.class);
        var recreated = store.append("soft-1", ExpectedVersion.noStream(), List.of(EventData.of("Noted", "{}")));
        assertThat(recreated.streamVersion())
                .as("a soft-deleted stream counts as none and goes on after it")
                .isEqualTo(3);
        assertThatThrownBy(() -> keys.keyFor("c-gone")).isInstanceOf(SubjectForgottenException.class);
        assertThatThrownBy(() -> keys.keyFor("c-never")).isInstanceOf(SubjectForgottenException.class);
    }

    private static void append(EventStore store, String stream, int count) {
        for (int i = 0; i < count; i++) {
            store.append(stream, ExpectedVersion.any(), List.of(EventData.of("Noted", "{\"n\":" + i + "}")));
        }
    }

    private static EventData personal(String subject, SecretKey key) {
        var sealed = FieldCipher.seal(key, subject, "name", "\"Ada\"".getBytes(StandardCharsets.UTF_8));
        return EventData.of("Registered", "{\"subject\":\"" + subject + "\",\"name\":\"" + sealed + "\"}");
    }

    private static String open(RecordedEvent event, SecretKey key) {
        var json = new String(event.payload(), StandardCharsets.UTF_8);
        var text = json.substring(json.indexOf(FieldCipher.PREFIX), json.lastIndexOf('"'));
        return new String(FieldCipher.open(key, FieldCipher.parse(text).orElseThrow(), "name"), StandardCharsets.UTF_8);
    }
}

package dev.annals.store.sqlite.audit;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteAuditTrailTest {

    @TempDir
    Path data;

    private String firstHead;

    @BeforeEach
    void five_sealed_events() {
        try (var store = SqliteEventStore.open(data)) {
            for (int i = 1; i <= 5; i++) {
                store.append("account-" + (i % 2), ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":" + i + ",\"memo\":\"Zebediah-" + i + "\"}"));
            }
        }
        var first = SqliteAuditTrail.open(data).verify();
        assertThat(first.intact()).isTrue();
        // Sealed by the appends themselves: verify only checks them.
        assertThat(first.verified()).isEqualTo(5);
        assertThat(first.sealed()).isZero();
        firstHead = first.headHash();
    }

    private void sql(String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
             var statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Test
    void an_untouched_store_verifies_with_the_same_head_hash_and_new_events_come_sealed() {
        var again = SqliteAuditTrail.open(data).verify();
        assertThat(again.verified()).isEqualTo(5);
        assertThat(again.headHash()).isEqualTo(firstHead).hasSize(64);

        try (var store = SqliteEventStore.open(data)) {
            store.append("account-9", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":6}"));
        }
        var extended = SqliteAuditTrail.open(data).verify();
        assertThat(extended.verified()).isEqualTo(6);
        assertThat(extended.sealed()).isZero();
        assertThat(extended.headPosition()).isEqualTo(6);
        assertThat(extended.headHash()).isNotEqualTo(firstHead);
    }

    @Test
    void an_event_changed_before_any_verify_is_found_because_its_append_sealed_it() throws SQLException {
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-9", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":6}"));
        }
        sql("UPDATE events SET payload = CAST('{\"amount\":600}' AS BLOB) WHERE position = 6");

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(6);
        assertThat(report.problem()).contains("does not match its sealed hash");
    }

    @Test
    void events_written_without_hashes_are_sealed_when_the_store_opens() throws SQLException {
        // As an import, or an older Annals that sealed only in verify, leaves them.
        sql("DELETE FROM event_hashes WHERE position > 2");

        try (var store = SqliteEventStore.open(data)) {
            store.append("account-9", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":6}"));
        }
        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.verified()).isEqualTo(6);
        assertThat(report.sealed()).isZero();
    }

    @Test
    void a_changed_payload_breaks_the_chain_at_its_position() throws SQLException {
        sql("UPDATE events SET payload = CAST('{\"amount\":300}' AS BLOB) WHERE position = 3");

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("does not match its sealed hash");
        assertThat(report.verified()).isEqualTo(2);
    }

    @Test
    void a_changed_timestamp_or_metadata_is_found() throws SQLException {
        sql("UPDATE events SET recorded_at = recorded_at + 1 WHERE position = 4");

        assertThat(SqliteAuditTrail.open(data).verify().firstBroken()).hasValue(4);
    }

    @Test
    void a_removed_event_is_found() throws SQLException {
        sql("DELETE FROM events WHERE position = 2");

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(2);
        assertThat(report.problem()).contains("removed");
    }

    @Test
    void an_inserted_event_is_found() throws SQLException {
        sql("DELETE FROM events WHERE position = 3", "DELETE FROM event_hashes WHERE position = 3",
                "INSERT INTO events SELECT 3, stream_id, 99, randomblob(16), type_id, 1,"
                        + " CAST('{\"amount\":1000000}' AS BLOB), NULL, recorded_at FROM events WHERE position = 1");

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void reordered_events_are_found() throws SQLException {
        sql("UPDATE events SET position = -2 WHERE position = 2", "UPDATE events SET position = 2 WHERE position = 4",
                "UPDATE events SET position = 4 WHERE position = -2");

        assertThat(SqliteAuditTrail.open(data).verify().firstBroken()).hasValue(2);
    }

    @Test
    void a_byte_edited_in_the_database_file_is_found() throws Exception {
        sql();
        Path file = data.resolve("annals.db");
        byte[] bytes = Files.readAllBytes(file);
        byte[] needle = "Zebediah-4".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, needle);
        assertThat(at).as("the payload is in the main database file").isNotNegative();
        bytes[at] = 'X';
        Files.write(file, bytes);

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(4);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

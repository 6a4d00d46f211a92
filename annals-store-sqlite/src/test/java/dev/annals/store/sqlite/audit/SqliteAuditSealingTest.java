package dev.annals.store.sqlite.audit;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the SQLite audit trail does, beside the contract ({@link SqliteAuditTrailTest}): the store seals
 * events written without hashes when it opens, and the chain catches an edit of the database file's bytes
 * and a row inserted with SQLite's own functions.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteAuditSealingTest {

    @TempDir
    Path data;

    @BeforeEach
    void five_sealed_events() {
        try (var store = SqliteEventStore.open(data)) {
            for (int i = 1; i <= 5; i++) {
                store.append(
                        "account-" + (i % 2),
                        ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":" + i + ",\"memo\":\"Zebediah-" + i + "\"}"));
            }
        }
        assertThat(SqliteAuditTrail.open(data).verify().intact()).isTrue();
    }

    private void sql(String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
                var statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
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
    void verify_seals_the_events_written_without_a_hash_while_the_store_was_closed() throws SQLException {
        sql("DELETE FROM event_hashes WHERE position > 2");

        var first = SqliteAuditTrail.open(data).verify();
        var again = SqliteAuditTrail.open(data).verify();

        assertThat(first.intact()).isTrue();
        assertThat(first.verified()).isEqualTo(2);
        assertThat(first.sealed()).isEqualTo(3);
        assertThat(again.verified()).isEqualTo(5);
        assertThat(again.sealed()).isZero();
        assertThat(again.headHash()).isEqualTo(first.headHash());
    }

    @Test
    void an_inserted_event_is_found() throws SQLException {
        sql(
                "DELETE FROM events WHERE position = 3",
                "DELETE FROM event_hashes WHERE position = 3",
                "INSERT INTO events SELECT 3, stream_id, 99, randomblob(16), type_id, 1,"
                        + " CAST('{\"amount\":1000000}' AS BLOB), NULL, recorded_at FROM events WHERE position = 1");

        var report = SqliteAuditTrail.open(data).verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void a_byte_edited_in_the_database_file_is_found() throws Exception {
        sql();
        Path file = data.resolve(SqliteEventStore.FILE_NAME);
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

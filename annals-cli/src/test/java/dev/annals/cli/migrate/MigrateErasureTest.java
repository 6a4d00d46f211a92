package dev.annals.cli.migrate;

import dev.annals.cli.Cli;
import dev.annals.cli.MarkedStore;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresImport;
import dev.annals.store.postgres.PostgresSubjectKeys;
import dev.annals.store.postgres.TestDatabase;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import dev.annals.store.sqlite.transfer.SqliteImport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code annals migrate} carries what a store deleted and forgot, SQLite to PostgreSQL and back: stream marks
 * (soft delete, tombstone, truncation), subject keys as stored (raw and wrapped) and forgotten subjects.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MigrateErasureTest {

    @TempDir
    Path temp;

    private Cli.Run migrate(String from, String to) {
        return Cli.onSqlite(temp.resolve("unused")).runWithoutData("migrate", "--from", from, "--to", to);
    }

    private static ErasureState erasure(Path sqlite) {
        return SqliteImport.snapshot(sqlite).erasure();
    }

    private static ErasureState erasure(String postgres) {
        return PostgresImport.snapshot(PostgresAddress.parse(postgres)).erasure();
    }

    @Test
    void a_store_copied_to_postgresql_and_back_deletes_forgets_and_verifies_as_the_original() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        String postgres = TestDatabase.newStoreAddress();
        Path back = temp.resolve("back");

        var there = migrate(source.toString(), postgres);
        var again = migrate(postgres, back.toString());

        assertThat(there.exitCode()).as(there.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        String hash;
        try (var store = SqliteEventStore.open(source)) {
            hash = SampleEvents.hash(SampleEvents.all(store));
        }
        for (var run : java.util.List.of(there, again)) {
            assertThat(run.outLines().get(1)).endsWith("hash " + hash);
            assertThat(run.outLines().get(2))
                    .isEqualTo("migrate: carried 1 soft-deleted, 1 tombstoned and 2 truncated"
                            + " stream(s); 2 subject key(s) (1 wrapped) and 2 forgotten subject(s), keys as stored (8 changed"
                            + " in the target)");
        }
        var original = erasure(source);
        for (var copy : java.util.List.of(erasure(postgres), erasure(back))) {
            assertThat(copy.marks()).containsExactlyInAnyOrderElementsOf(original.marks());
            assertThat(copy.subjectKeys())
                    .as("every row as stored, wrapped keys still wrapped")
                    .containsExactlyElementsOf(original.subjectKeys());
        }
        assertThat(Cli.onSqlite(source).run("verify").out()).contains("intact").contains("head hash " + hash);
        assertThat(Cli.onSqlite(back)
                        .runWithoutData("--store", postgres, "verify")
                        .out())
                .contains("intact")
                .contains("head hash " + hash);
        assertThat(Cli.onSqlite(back).run("verify").out()).contains("intact").contains("head hash " + hash);

        try (var store = (PostgresEventStore) StoreLocation.parse(postgres).open()) {
            var keys = PostgresSubjectKeys.of(store, Optional.of(MarkedStore.MASTER));
            MarkedStore.assertHoldsTheMarksAndKeys(store, keys);
            MarkedStore.assertWritesAsTheSourceWould(store, keys);
        }
        try (var store = SqliteEventStore.open(back)) {
            var keys = SqliteSubjectKeys.open(back, Optional.of(MarkedStore.MASTER));
            MarkedStore.assertHoldsTheMarksAndKeys(store, keys);
            MarkedStore.assertWritesAsTheSourceWould(store, keys);
        }
    }

    @Test
    void a_rerun_carries_what_the_source_deleted_and_forgot_since_the_last_run() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        Path target = temp.resolve("target");
        assertThat(migrate(source.toString(), target.toString()).exitCode()).isZero();
        try (var store = SqliteEventStore.open(source)) {
            store.deleteStream("live-1", dev.annals.store.DeletionMode.HARD);
            SqliteSubjectKeys.open(source).forget("c-raw");
        }

        var again = migrate(source.toString(), target.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.outLines().get(2)).endsWith("(2 changed in the target)");
        assertThat(SqliteSubjectKeys.open(target).find("c-raw")).isEmpty();
        try (var store = SqliteEventStore.open(target)) {
            assertThat(store.readStream("live-1").toList()).isEmpty();
        }
        assertThat(erasure(target).subjectKeys())
                .containsExactlyElementsOf(erasure(source).subjectKeys());
    }

    @Test
    void refuses_a_target_that_has_forgotten_a_subject_the_source_still_has_a_key_for() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        Path target = temp.resolve("target");
        assertThat(migrate(source.toString(), target.toString()).exitCode()).isZero();
        SqliteSubjectKeys.open(target).forget("c-raw");

        var again = migrate(source.toString(), target.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains("subject 'c-raw' is forgotten in the target but has a data key in the source")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(SqliteSubjectKeys.open(target).find("c-raw"))
                .as("never given back")
                .isEmpty();
    }

    @Test
    void refuses_a_target_holding_another_key_for_a_subject() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        Path target = temp.resolve("target");
        try (var store = SqliteEventStore.open(target)) {
            // The target's own key for c-raw, made before any migration: its data would be another's.
            SqliteSubjectKeys.open(target).keyFor("c-raw");
        }

        var run = migrate(source.toString(), target.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("subject 'c-raw' has another data key in the target than in the source");
        assertThat(erasure(target).marks())
                .as("nothing of the marks and keys written")
                .isEmpty();
    }

    @Test
    void refuses_a_target_whose_streams_are_deleted_or_truncated_further_than_the_sources() {
        Path source = temp.resolve("source");
        MarkedStore.fill(source);
        Path truncated = temp.resolve("truncated");
        Path tombstoned = temp.resolve("tombstoned");
        for (var target : java.util.List.of(truncated, tombstoned)) {
            assertThat(migrate(source.toString(), target.toString()).exitCode()).isZero();
        }
        try (var store = SqliteEventStore.open(truncated)) {
            store.truncateStream("cut-1", 4);
        }
        try (var store = SqliteEventStore.open(tombstoned)) {
            store.deleteStream("live-1", dev.annals.store.DeletionMode.HARD);
        }

        var overTruncated = migrate(source.toString(), truncated.toString());
        var overTombstoned = migrate(source.toString(), tombstoned.toString());

        assertThat(overTruncated.exitCode()).isEqualTo(1);
        assertThat(overTruncated.err())
                .contains("stream cut-1 is truncated before version 4 in the target but"
                        + " truncated before version 2 in the source");
        assertThat(overTombstoned.exitCode()).isEqualTo(1);
        assertThat(overTombstoned.err()).contains("stream live-1 is tombstoned in the target but not in the source");
    }
}

package dev.annals.cli.migrate;

import dev.annals.cli.Cli;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.migrate.Migration;
import dev.annals.store.postgres.TestDatabase;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code annals migrate} between real SQLite files and a real PostgreSQL, both ways. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MigrateCommandTest {

    @TempDir
    Path temp;

    private Path sqliteSource(int events) {
        Path directory = temp.resolve("source");
        try (var store = SqliteEventStore.open(directory)) {
            SampleEvents.fill(store, events);
        }
        return directory;
    }

    private static List<RecordedEvent> events(StoreLocation location) {
        try (var store = location.openExisting()) {
            return SampleEvents.all(store);
        }
    }

    private Cli.Run migrate(String... args) {
        var all = new String[args.length + 1];
        all[0] = "migrate";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.onSqlite(temp.resolve("unused")).runWithoutData(all);
    }

    @Test
    void copies_a_sqlite_store_into_postgresql_keeping_every_field_and_verifies_it() {
        Path source = sqliteSource(1_200);
        String target = TestDatabase.newStoreAddress();

        var run = migrate("--from", source.toString(), "--to", target, "--batch-size", "250");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var expected = events(StoreLocation.parse(source.toString()));
        var copied = events(StoreLocation.parse(target));
        assertThat(copied).isEqualTo(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(copied.get(i).recordedAt()).isEqualTo(expected.get(i).recordedAt());
            assertThat(copied.get(i).metadata()).isEqualTo(expected.get(i).metadata());
            assertThat(copied.get(i).payload()).isEqualTo(expected.get(i).payload());
        }
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0))
                .startsWith("migrate: copied 1200 event(s) from the SQLite store in " + source);
        assertThat(run.outLines().get(1))
                .isEqualTo("migrate: verified 1200 event(s) in the target, head position 1200," + " hash "
                        + SampleEvents.hash(expected));
        assertThat(run.err()).as("no progress bar when stderr is no terminal").isEmpty();
        var verify = Cli.onSqlite(source).runWithoutData("--store", target, "verify");
        assertThat(verify.out())
                .as("the PostgreSQL audit trail reaches the migration's hash")
                .contains("1200 newly sealed")
                .contains("head hash " + SampleEvents.hash(expected));
    }

    @Test
    void appends_to_a_migrated_postgresql_store_go_on_after_the_copied_streams_and_positions() {
        Path source = sqliteSource(100);
        String target = TestDatabase.newStoreAddress();
        assertThat(migrate("--from", source.toString(), "--to", target).exitCode())
                .isZero();

        try (var store = StoreLocation.parse(target).open()) {
            var existing = store.readStream("account-3").toList();
            var appended = store.append(
                    "account-3",
                    ExpectedVersion.exact(existing.getLast().streamVersion()),
                    List.of(EventData.of("Deposited", "{\"amount\":1}")));
            var fresh = store.append("savings-1", ExpectedVersion.noStream(), List.of(EventData.of("Opened", "{}")));

            assertThat(appended.position()).isEqualTo(101);
            assertThat(appended.streamVersion()).isEqualTo(existing.size());
            assertThat(fresh.position()).isEqualTo(102);
            assertThat(store.readStream("savings-1").toList()).hasSize(1);
        }
    }

    @Test
    void copies_a_postgresql_store_back_into_sqlite() {
        String postgres = TestDatabase.newStoreAddress();
        try (var store = StoreLocation.parse(postgres).open()) {
            SampleEvents.fill(store, 700);
        }
        Path target = temp.resolve("back");

        var run = migrate("--from", postgres, "--to", target.toString(), "--batch-size", "100", "--progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var expected = events(StoreLocation.parse(postgres));
        assertThat(events(StoreLocation.parse(target.toString()))).isEqualTo(expected);
        assertThat(run.out()).contains("verified 700 event(s)").contains(SampleEvents.hash(expected));
        assertThat(run.err())
                .as("the bar, asked for with --progress")
                .contains("\rmigrate [")
                .contains("100%")
                .contains("700/700 events")
                .contains("events/s")
                .endsWith("\n");
        var verify = Cli.onSqlite(target).run("verify");
        assertThat(verify.out())
                .as("the audit trail's head hash of the copy is the migration's hash")
                .contains("head hash " + SampleEvents.hash(expected));
    }

    @Test
    void an_interrupted_migration_resumes_after_the_targets_head_without_duplicates() {
        Path source = sqliteSource(1_000);
        var from = StoreLocation.parse(source.toString());
        var to = StoreLocation.parse(TestDatabase.newStoreAddress());
        var migration = new Migration(from, to, dev.annals.serialization.EventTransform.identity(), 150);
        var head = migration.snapshot();

        assertThatThrownBy(() -> migration.run(head, (events, position) -> {
                    if (events >= 450) {
                        throw new IllegalStateException("killed mid-copy");
                    }
                }))
                .hasMessage("killed mid-copy");
        assertThat(events(to)).hasSize(450);

        var report = migration.run(head, (events, position) -> {});

        assertThat(report.resumedAfter()).isEqualTo(450);
        assertThat(report.copied()).isEqualTo(550);
        assertThat(report.verified()).isEqualTo(1_000);
        var copied = events(to);
        assertThat(copied).isEqualTo(events(from));
        assertThat(new HashSet<>(copied.stream().map(RecordedEvent::eventId).toList()))
                .hasSize(1_000);
        assertThat(report.hash()).isEqualTo(SampleEvents.hash(copied));
    }

    @Test
    void a_rerun_of_a_finished_migration_copies_nothing_and_verifies_again() {
        Path source = sqliteSource(50);
        String target = TestDatabase.newStoreAddress();
        migrate("--from", source.toString(), "--to", target);

        var again = migrate("--from", source.toString(), "--to", target);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.outLines().get(0))
                .startsWith("migrate: copied 0 event(s)")
                .contains("resumed after position 50");
        assertThat(again.outLines().get(1)).startsWith("migrate: verified 50 event(s)");
    }

    @Test
    void refuses_a_target_that_holds_other_events_and_writes_nothing() {
        Path source = sqliteSource(30);
        Path other = temp.resolve("other");
        try (var store = SqliteEventStore.open(other)) {
            store.append("account-1", ExpectedVersion.noStream(), List.of(EventData.of("Deposited", "{\"amount\":1}")));
        }

        var run = migrate("--from", source.toString(), "--to", other.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("annals: the SQLite store in " + other + " holds other events: at position 1 it has"
                        + " event ")
                .contains("where the source has event ");
        assertThat(events(StoreLocation.parse(other.toString()))).hasSize(1);
    }

    @Test
    void refuses_the_same_store_on_both_sides_and_an_empty_source() {
        Path source = sqliteSource(3);
        Path empty = temp.resolve("empty");
        SqliteEventStore.open(empty).close();

        var same =
                migrate("--from", source.toString(), "--to", source.resolve(".").toString());
        var nothing =
                migrate("--from", empty.toString(), "--to", temp.resolve("t").toString());
        var missing = migrate(
                "--from",
                temp.resolve("nowhere").toString(),
                "--to",
                temp.resolve("t").toString());

        assertThat(same.exitCode()).isEqualTo(1);
        assertThat(same.err()).contains("--from and --to name the same store");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("holds no events: nothing to migrate");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no data directory");
    }
}

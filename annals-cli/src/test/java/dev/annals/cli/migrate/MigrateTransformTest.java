package dev.annals.cli.migrate;

import dev.annals.cli.Cli;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals migrate --transform}: events rewritten on the way, identity kept, the transformed stream verified. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrateTransformTest {

    @TempDir
    Path temp;

    private Path source(boolean withSplit) {
        Path directory = temp.resolve("source");
        try (var store = SqliteEventStore.open(directory)) {
            store.append(
                    "account-1",
                    ExpectedVersion.noStream(),
                    List.of(
                            new EventData(
                                    java.util.UUID.randomUUID(),
                                    "AccountOpened",
                                    1,
                                    ("{\"owner\":\"Ada\",\"initialDeposit\":" + (withSplit ? 100 : 0) + "}")
                                            .getBytes(StandardCharsets.UTF_8),
                                    Metadata.empty()),
                            new EventData(
                                    java.util.UUID.randomUUID(),
                                    "Deposited",
                                    1,
                                    "{\"cents\":250}".getBytes(StandardCharsets.UTF_8),
                                    Metadata.empty()),
                            EventData.of("Withdrawn", "{\"amount\":50}")));
            store.append("audit-1", ExpectedVersion.noStream(), List.of(EventData.of("Checked", "{ \"ok\" : true }")));
        }
        return directory;
    }

    private static List<RecordedEvent> events(Path directory) {
        try (var store = SqliteEventStore.open(directory)) {
            return SampleEvents.all(store);
        }
    }

    @Test
    void stores_todays_shapes_through_the_registered_upcasters_keeping_ids_positions_and_times() {
        Path source = source(false);
        Path target = temp.resolve("target");

        var run = Cli.onSqlite(temp)
                .runWithoutData(
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        target.toString(),
                        "--transform",
                        BankUpcasting.class.getName());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var before = events(source);
        var after = events(target);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).eventId()).isEqualTo(before.get(i).eventId());
            assertThat(after.get(i).position()).isEqualTo(before.get(i).position());
            assertThat(after.get(i).streamVersion()).isEqualTo(before.get(i).streamVersion());
            assertThat(after.get(i).recordedAt()).isEqualTo(before.get(i).recordedAt());
        }
        assertThat(after.get(0).schemaVersion()).isEqualTo(2);
        assertThat(new String(after.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"owner\":\"Ada\"}");
        assertThat(after.get(1).schemaVersion()).isEqualTo(2);
        assertThat(new String(after.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":250}");
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(after.get(3).payload())
                .as("unknown types pass byte for byte")
                .isEqualTo(before.get(3).payload());
        assertThat(run.outLines().get(1))
                .contains("verified 4 event(s)")
                .contains(SampleEvents.hash(after))
                .contains("as transformed by " + BankUpcasting.class.getName());
    }

    @Test
    void refuses_an_upcast_that_splits_an_event_naming_it() {
        Path source = source(true);

        var run = Cli.onSqlite(temp)
                .runWithoutData(
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        temp.resolve("target").toString(),
                        "--transform",
                        BankUpcasting.class.getName());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("the transform failed on event ")
                .contains("position 1, account-1 version 0," + " AccountOpened v1")
                .contains("upcasts into 2 events");
        try (var target = SqliteEventStore.open(temp.resolve("target"))) {
            assertThat(target.headPosition()).isZero();
        }
    }

    @Test
    void refuses_a_transform_that_moves_events_and_a_class_that_is_no_transform() {
        Path source = source(false);

        var moving = Cli.onSqlite(temp)
                .runWithoutData(
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        temp.resolve("t1").toString(),
                        "--transform",
                        MovingTransform.class.getName());
        var notOne = Cli.onSqlite(temp)
                .runWithoutData(
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        temp.resolve("t2").toString(),
                        "--transform",
                        String.class.getName());
        var missing = Cli.onSqlite(temp)
                .runWithoutData(
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        temp.resolve("t3").toString(),
                        "--transform",
                        "com.example.Nothing");

        assertThat(moving.exitCode()).isEqualTo(1);
        assertThat(moving.err()).contains("the transform changed the identity of event");
        assertThat(notOne.err())
                .contains("class java.lang.String does not implement dev.annals.serialization.EventTransform");
        assertThat(missing.err()).contains("no class 'com.example.Nothing' on the classpath");
    }
}

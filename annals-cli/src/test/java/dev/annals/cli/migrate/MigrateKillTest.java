package dev.annals.cli.migrate;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.Cli;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.TestDatabase;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.transfer.SqliteImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A migration killed with SIGKILL in the middle of its copy, then run again. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MigrateKillTest {

    private static final int EVENTS = 20_000;

    @TempDir
    Path temp;

    @Test
    void a_migration_killed_mid_copy_and_run_again_gives_an_identical_target_without_duplicates() throws Exception {
        Path source = temp.resolve("source");
        SqliteEventStore.open(source).close();
        SqliteImport.into(source, generated().iterator());
        String target = TestDatabase.newStoreAddress();
        var address = PostgresAddress.parse(target);

        var process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AnnalsCommand.class.getName(),
                        "migrate",
                        "--from",
                        source.toString(),
                        "--to",
                        target,
                        "--batch-size",
                        "20")
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> head(address) >= 400);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        long killedAt = head(address);
        assertThat(killedAt).as("killed in the middle of the copy").isBetween(400L, EVENTS - 1L);
        assertThat(killedAt % 20).as("batches commit whole").isZero();

        var rerun = Cli.onSqlite(temp.resolve("unused"))
                .runWithoutData("migrate", "--from", source.toString(), "--to", target);

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.outLines().get(0))
                .contains("resumed after position " + killedAt)
                .contains("copied " + (EVENTS - killedAt) + " event(s)");
        List<RecordedEvent> expected;
        try (var store = StoreLocation.parse(source.toString()).openExisting()) {
            expected = SampleEvents.all(store);
        }
        List<RecordedEvent> copied;
        try (var store = StoreLocation.parse(target).openExisting()) {
            copied = SampleEvents.all(store);
        }
        assertThat(copied).hasSize(EVENTS).isEqualTo(expected);
        assertThat(new HashSet<>(copied.stream().map(RecordedEvent::eventId).toList()))
                .hasSize(EVENTS);
        assertThat(rerun.outLines().get(1))
                .contains("verified " + EVENTS + " event(s)")
                .contains(SampleEvents.hash(expected));
    }

    private static long head(PostgresAddress address) {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var row = statement.executeQuery(
                        "SELECT COALESCE(MAX(position), 0) FROM " + address.schema() + ".events")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            return 0; // the migrating process has not created the schema yet
        }
    }

    /** Many events over 50 streams, made in memory and imported at once (appending them one by one is slow). */
    private static List<RecordedEvent> generated() {
        var events = new ArrayList<RecordedEvent>(EVENTS);
        Map<String, Long> versions = new HashMap<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= EVENTS; i++) {
            String stream = "account-" + (i % 50);
            long version = versions.merge(stream, 1L, Long::sum) - 1;
            events.add(new RecordedEvent(
                    stream,
                    version,
                    i,
                    UUID.randomUUID(),
                    "Deposited",
                    1,
                    ("{\"amount\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    i % 3 == 0 ? Metadata.of(Map.of("user", "u" + i)) : Metadata.empty(),
                    start.plusMillis(i)));
        }
        return events;
    }
}

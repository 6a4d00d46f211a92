package dev.annals.store.sqlite.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.RebuildMode;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Tally;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a process running a projection with SIGKILL in the middle of its batches, several times, then
 * finishes the projection: the read model must equal the fold of the events and a clean rebuild of it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionCrashTest {

    private static final int EVENTS = 20_000;
    private static final int KILLS = 4;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a_runner_killed_mid_batch_resumes_to_the_same_read_model_as_a_clean_rebuild() throws Exception {
        var random = new Random();
        try (var store = SqliteEventStore.open(data)) {
            for (int i = 0; i < EVENTS; i += 100) {
                var batch = new ArrayList<dev.annals.event.EventData>();
                for (int j = 0; j < 100; j++) {
                    batch.add(Tally.added(1 + random.nextInt(1000)));
                }
                store.append("tally-" + random.nextInt(50), ExpectedVersion.any(), batch);
            }
        }
        var checkpoints = new ArrayList<Long>();
        for (int kill = 0; kill < KILLS; kill++) {
            var child = start();
            try (var lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("STARTED");
                long before = checkpoint();
                // Let it commit some batches and be inside another when the kill lands.
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5 + random.nextInt(40)))
                        .until(() -> checkpoint() > before || checkpoint() == EVENTS);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            checkpoints.add(checkpoint());
        }
        assertThat(checkpoints).isSorted();

        try (var store = SqliteEventStore.open(data);
                var readModel = SqliteProjections.readModel(store, Tally.TABLES);
                var runner = ProjectionRunner.start(
                        Tally.projection("tally"),
                        store,
                        readModel,
                        ProjectionOptions.defaults()
                                .withMeterRegistry(new SimpleMeterRegistry())
                                .withControlInterval(Duration.ofMillis(100)))) {
            runner.awaitPosition(EVENTS, Duration.ofSeconds(60));
            var resumed = ReadModelQueries.tallies(data);
            var counts = ReadModelQueries.totals(data, "SELECT stream, events FROM tallies");
            assertThat(resumed).isEqualTo(fold(store));
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(EVENTS);

            runner.rebuild(RebuildMode.RESET);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> readModel.states().control("tally").rebuild() == RebuildMode.NONE
                            && runner.processedThrough() >= EVENTS);
            assertThat(ReadModelQueries.tallies(data)).isEqualTo(resumed);
        }
    }

    private long checkpoint() {
        try (var states = SqliteProjections.states(data)) {
            return states.checkpoint("tally");
        }
    }

    private static Map<String, Long> fold(SqliteEventStore store) {
        var totals = new TreeMap<String, Long>();
        try (var events = store.read(ReadRequest.forward(new ReadSource.Category("tally")))) {
            events.forEach((RecordedEvent event) -> {
                var added = (Tally.Added) Tally.CODEC.decode(event).getFirst();
                totals.merge(event.stream(), added.amount(), Long::sum);
            });
        }
        return totals;
    }

    private Process start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProjectionCrashChild.class.getName(),
                        data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}

package dev.annals.store.sqlite.projection;

import dev.annals.event.EventData;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.RetrySchedule;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.projection.JdbcProjectionStates;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.SqlContext;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteProjections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Projections on a real SQLite store, operated from a second connection as the CLI does from another process. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SqliteProjectionTest {

    @TempDir
    Path data;

    private SqliteEventStore store;
    private JdbcReadModelStore readModel;
    private JdbcProjectionStates operator;
    private ProjectionRunner<SqlContext> runner;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(data);
        readModel = SqliteProjections.readModel(store, Tally.TABLES);
        operator = SqliteProjections.states(data);
    }

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
        readModel.close();
        operator.close();
        store.close();
    }

    private ProjectionOptions options() {
        return ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry())
                .withRetry(new RetrySchedule(3, Duration.ofMillis(1), Duration.ofMillis(5), 0.2))
                .withControlInterval(Duration.ofMillis(100));
    }

    private long append(String stream, EventData event) {
        return store.append(stream, ExpectedVersion.any(), event).position();
    }

    @Test
    void builds_the_read_model_and_commits_the_checkpoint_with_it() {
        append("tally-a", Tally.added(5));
        append("other-x", Tally.added(99));
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options());
        append("tally-b", Tally.added(7));
        long last = append("tally-a", Tally.added(1));

        runner.awaitPosition(last, Duration.ofSeconds(10));

        assertThat(ReadModelQueries.tallies(data)).isEqualTo(Map.of("tally-a", 6L, "tally-b", 7L));
        assertThat(operator.checkpoint("tally")).isEqualTo(last);
    }

    @Test
    void parks_a_poison_event_and_goes_on_and_an_operator_elsewhere_can_retry_it() {
        append("tally-a", Tally.added(1));
        long poison = append("tally-a", Tally.refused("no"));
        long last = append("tally-a", Tally.added(2));
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options());

        runner.awaitPosition(last, Duration.ofSeconds(10));

        assertThat(ReadModelQueries.tallies(data)).containsEntry("tally-a", 3L);
        var letter = operator.deadLetters(Optional.of("tally")).getFirst();
        assertThat(letter.position()).isEqualTo(poison);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.error()).contains("refused: no");
        operator.requestRetry(letter.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.deadLetter(letter.id()).orElseThrow().attempts() == 4);
        assertThat(operator.deadLetter(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.PARKED);
        operator.skip(letter.id());
        assertThat(operator.deadLetters(Optional.empty())).isEmpty();
    }

    @Test
    void stops_on_error_under_the_stop_policy_and_goes_on_when_skipped_from_elsewhere() {
        append("tally-a", Tally.added(1));
        append("tally-a", Tally.refused("no"));
        long last = append("tally-a", Tally.added(2));
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel,
                options().withOnFailure(FailurePolicy.STOP));

        await().atMost(Duration.ofSeconds(10)).until(() -> operator.health().stream()
                .anyMatch(h -> h.state() == ProjectionState.STOPPED_ON_ERROR && h.deadLetters() == 1));
        assertThat(ReadModelQueries.tallies(data)).containsEntry("tally-a", 1L);

        operator.skip(operator.deadLetters(Optional.of("tally")).getFirst().id());

        runner.awaitPosition(last, Duration.ofSeconds(10));
        assertThat(ReadModelQueries.tallies(data)).containsEntry("tally-a", 3L);
    }

    @Test
    void obeys_pause_and_resume_requested_from_another_connection() {
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options());
        operator.pause("tally");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.health().stream()
                .anyMatch(h -> h.projection().equals("tally") && h.state() == ProjectionState.PAUSED));
        long position = append("tally-a", Tally.added(4));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> ReadModelQueries.tallies(data).isEmpty());

        operator.resume("tally");

        runner.awaitPosition(position, Duration.ofSeconds(10));
        assertThat(ReadModelQueries.tallies(data)).containsEntry("tally-a", 4L);
    }

    @Test
    void a_reset_rebuild_replays_into_the_same_read_model() {
        for (int i = 1; i <= 50; i++) {
            append("tally-" + (i % 3), Tally.added(i));
        }
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options());
        runner.awaitPosition(50, Duration.ofSeconds(10));
        var before = ReadModelQueries.tallies(data);

        operator.requestRebuild("tally", RebuildMode.RESET);

        await().atMost(Duration.ofSeconds(10)).until(() -> operator.control("tally").rebuild() == RebuildMode.NONE);
        runner.awaitPosition(50, Duration.ofSeconds(10));
        assertThat(ReadModelQueries.tallies(data)).isEqualTo(before);
    }

    @Test
    void a_blue_green_rebuild_keeps_queries_on_the_complete_live_version_until_the_switch() {
        for (int i = 1; i <= 40; i++) {
            append("tally-" + (i % 4), Tally.added(i));
        }
        var seenWhileBuilding = new CopyOnWriteArrayList<Map<String, Long>>();
        var projection = Tally.projection("tally", tx -> {
            if (tx.table("tallies").endsWith("_v2")) {
                // What a query on another connection sees while version 2 is half built.
                seenWhileBuilding.add(ReadModelQueries.tallies(data));
            }
        });
        runner = ProjectionRunner.start(projection, store, readModel, options());
        runner.awaitPosition(40, Duration.ofSeconds(10));
        var complete = ReadModelQueries.tallies(data);

        runner.rebuild(RebuildMode.BLUE_GREEN);

        await().atMost(Duration.ofSeconds(15)).until(() -> operator.control("tally").liveVersion() == 2);
        assertThat(seenWhileBuilding).hasSize(40).allSatisfy(seen -> assertThat(seen).isEqualTo(complete));
        long later = append("tally-9", Tally.added(1000));
        runner.awaitPosition(later, Duration.ofSeconds(10));
        assertThat(ReadModelQueries.tallies(data)).containsAllEntriesOf(complete).containsEntry("tally-9", 1000L);
        assertThat(operator.control("tally").rebuild()).isEqualTo(RebuildMode.NONE);
        assertThat(ReadModelQueries.totals(data, "SELECT name, 0 FROM sqlite_master WHERE name = 'tallies_v1'")).isEmpty();
    }
}

package dev.annals.store.jdbc.projection;

import dev.annals.event.EventData;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ReadModelStore;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.Redelivery;
import dev.annals.projection.RetrySchedule;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The projection tests every JDBC backend runs: a read model committed with its checkpoint, dead letters,
 * the stop policy, pause and resume, and both rebuilds, operated from a second connection as the CLI does
 * from another process. A backend's test says how to open its store, read model and operator, and how an
 * application on a connection of its own queries the {@code tallies} view.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ReadModelConformance {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private EventStore store;
    private JdbcReadModelStore readModel;
    private JdbcProjectionStates operator;
    private ProjectionRunner<SqlContext> runner;

    /** A new, empty store. */
    protected abstract EventStore openStore();

    /** The read model holding {@link Tally#TABLES} beside {@code store}'s events. */
    protected abstract JdbcReadModelStore openReadModel(EventStore store, List<ReadModelTable> tables);

    /** The projection states as another process sees them, on a connection of its own. */
    protected abstract JdbcProjectionStates openOperator();

    /** What an application querying the live {@code tallies} view sees now: stream to total. */
    protected abstract Map<String, Long> tallies();

    /** What an application querying the live {@code tallies} view sees now: stream to its count of events. */
    protected abstract Map<String, Long> talliedEvents();

    /** True when a table of this exact name exists in the read model's schema. */
    protected abstract boolean tableExists(String name);

    @BeforeEach
    final void open() {
        store = openStore();
        readModel = openReadModel(store, Tally.TABLES);
        operator = openOperator();
    }

    @AfterEach
    final void close() {
        if (runner != null) {
            runner.close();
        }
        readModel.close();
        operator.close();
        store.close();
    }

    private ProjectionOptions options() {
        return ProjectionOptions.defaults()
                .withMeterRegistry(new SimpleMeterRegistry())
                .withRetry(new RetrySchedule(3, Duration.ofMillis(1), Duration.ofMillis(5), 0.2))
                .withControlInterval(Duration.ofMillis(100));
    }

    private long append(String stream, EventData event) {
        return store.append(stream, ExpectedVersion.any(), event).position();
    }

    private void start(ProjectionOptions options) {
        runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options);
    }

    @Test
    void builds_the_read_model_and_commits_the_checkpoint_with_it() {
        append("tally-a", Tally.added(5));
        append("other-x", Tally.added(99));
        start(options());
        append("tally-b", Tally.added(7));
        long last = append("tally-a", Tally.added(1));

        runner.awaitPosition(last, WAIT);

        assertThat(tallies())
                .containsEntry("tally-a", 6L)
                .containsEntry("tally-b", 7L)
                .hasSize(2);
        assertThat(operator.checkpoint("tally")).isEqualTo(last);
    }

    @Test
    void parks_a_poison_event_and_goes_on_and_an_operator_elsewhere_can_retry_and_skip_it() {
        append("tally-a", Tally.added(1));
        long poison = append("tally-a", Tally.refused("no"));
        long last = append("tally-a", Tally.added(2));
        start(options());

        runner.awaitPosition(last, WAIT);

        assertThat(tallies()).containsEntry("tally-a", 3L);
        var letter = operator.deadLetters(Optional.of("tally")).getFirst();
        assertThat(letter.position()).isEqualTo(poison);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.error()).contains("refused: no");
        operator.requestRetry(letter.id());
        await().atMost(WAIT)
                .until(() -> operator.deadLetter(letter.id()).orElseThrow().attempts() == 4);
        assertThat(operator.deadLetter(letter.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.PARKED);
        operator.skip(letter.id());
        assertThat(operator.deadLetters(Optional.empty())).isEmpty();
    }

    @Test
    void a_retry_request_is_claimed_by_one_unit_of_work_and_only_while_it_stands() throws Exception {
        long position = append("tally-a", Tally.added(1));
        var now = Instant.parse("2026-12-06T11:00:00Z");
        var parked = new DeadLetter(
                0, "tally", position, UUID.randomUUID(), "Added", "refused", 3, now, now, DeadLetterStatus.PARKED);
        long id = readModel.transact(tx -> tx.park(parked));
        var letter = operator.deadLetter(id).orElseThrow();

        boolean unasked = readModel.transact(tx -> tx.claimRetry(letter));
        operator.requestRetry(id);
        boolean first = readModel.transact(tx -> tx.claimRetry(letter));
        boolean second = readModel.transact(tx -> tx.claimRetry(letter));

        assertThat(unasked).as("no retry was asked for").isFalse();
        assertThat(first).isTrue();
        assertThat(second).as("claimed already").isFalse();
        assertThat(operator.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.RESOLVED);
    }

    @Test
    void two_workers_serving_one_retry_request_run_its_handler_once() throws Exception {
        long position = append("tally-a", Tally.added(5));
        var now = Instant.parse("2026-12-06T13:00:00Z");
        long id = readModel.transact(tx -> {
            tx.ensureVersion("tally", 1);
            return tx.park(new DeadLetter(
                    0, "tally", position, UUID.randomUUID(), "Added", "refused", 3, now, now, DeadLetterStatus.PARKED));
        });
        operator.requestRetry(id);
        var runs = new AtomicInteger();
        var projection = Tally.projection("tally", tx -> runs.incrementAndGet());
        // Each worker waits after reading the requests until the other has read them too, so that both
        // redeliver the letter: the claim alone decides which one applies it.
        var bothSawRequest = new CyclicBarrier(2);
        var executor = Executors.newFixedThreadPool(2);
        try (var otherWorkersModel = openReadModel(store, Tally.TABLES)) {
            var served = new ArrayList<Future<?>>();
            for (var model : List.of(readModel, otherWorkersModel)) {
                var worker = Redelivery.forWorker(
                        projection, store, afterFirstUnitOfWork(model, bothSawRequest), Clock.systemUTC());
                served.add(executor.submit(() -> {
                    worker.serveRequests(1);
                    return null;
                }));
            }
            for (var done : served) {
                done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(runs).hasValue(1);
        assertThat(operator.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(tallies()).containsExactly(Map.entry("tally-a", 5L));
    }

    @Test
    void workers_starting_together_make_the_read_models_tables_once_and_none_of_them_fails() throws Exception {
        // Segments of one projection, or its workers in several processes, start at once: each makes the
        // tables and view of the live version, if they are not there yet, in a transaction of its own.
        int workers = 4;
        var models = new ArrayList<JdbcReadModelStore>();
        var executor = Executors.newFixedThreadPool(workers);
        try {
            for (int n = 0; n < workers; n++) {
                models.add(openReadModel(store, Tally.TABLES));
            }
            for (int version = 1; version <= 8; version++) {
                int made = version;
                var together = new CyclicBarrier(workers);
                var done = new ArrayList<Future<?>>();
                for (var model : models) {
                    done.add(executor.submit(() -> {
                        together.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                        return model.transact(tx -> {
                            tx.ensureVersion("tally-" + made, made);
                            return null;
                        });
                    }));
                }
                for (var worker : done) {
                    worker.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                assertThat(tableExists(Tally.TABLES.getFirst().physical(made)))
                        .as("version " + made)
                        .isTrue();
            }
        } finally {
            executor.shutdownNow();
            models.forEach(JdbcReadModelStore::close);
        }
    }

    /** {@code model}, waiting at {@code barrier} once its first unit of work has ended. */
    private static ReadModelStore<SqlContext> afterFirstUnitOfWork(
            ReadModelStore<SqlContext> model, CyclicBarrier barrier) {
        var first = new AtomicBoolean(true);
        return new ReadModelStore<>() {
            @Override
            public <T> T transact(Work<SqlContext, T> work) throws Exception {
                T result = model.transact(work);
                if (first.getAndSet(false)) {
                    barrier.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                return result;
            }

            @Override
            public ProjectionStates states() {
                return model.states();
            }

            @Override
            public void close() {
                // The test closes the model it wraps.
            }
        };
    }

    @Test
    void a_handler_that_throws_an_error_has_its_writes_rolled_back_and_is_parked_while_appends_go_on() {
        append("tally-a", Tally.added(1));
        long broken = append("tally-a", Tally.added(13));
        runner = ProjectionRunner.start(
                Tally.projection("tally", tx -> {
                    if (tx.event().payloadAsString().contains("13")) {
                        tx.update("INSERT INTO {tallies} (stream, total, events) VALUES ('ghost', 1, 1)");
                        throw new StackOverflowError("a handler that recursed without end");
                    }
                }),
                store,
                readModel,
                options());
        runner.awaitPosition(broken, WAIT);

        // A transaction left open would hold the write lock (SQLite) and commit the ghost with the next unit.
        long last = append("tally-b", Tally.added(2));
        runner.awaitPosition(last, WAIT);

        assertThat(tallies())
                .containsEntry("tally-a", 1L)
                .containsEntry("tally-b", 2L)
                .doesNotContainKey("ghost");
        var letter = operator.deadLetters(Optional.of("tally")).getFirst();
        assertThat(letter.position()).isEqualTo(broken);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.error()).contains("StackOverflowError").contains("recursed without end");
        operator.requestRetry(letter.id());
        await().atMost(WAIT)
                .until(() -> operator.deadLetter(letter.id()).orElseThrow().attempts() == 4);
        assertThat(tallies()).doesNotContainKey("ghost");
    }

    @Test
    void a_poisoned_event_in_the_middle_of_a_large_batch_is_parked_alone_and_every_other_event_applies_once() {
        var appended = appendAmongAdded(i -> "tally-" + (i % 7), 1_100, 2_200);
        runner = ProjectionRunner.start(Tally.batched("tally"), store, readModel, options());

        runner.awaitPosition(appended.last(), WAIT);

        assertThat(tallies()).isEqualTo(appended.totals());
        assertThat(operator.deadLetters(Optional.of("tally")))
                .extracting(letter -> letter.position(), letter -> letter.attempts())
                .containsExactly(tuple(appended.refused(), 3), tuple(appended.poisoned(), 3));
        assertThat(operator.deadLetters(Optional.of("tally")).getLast().error())
                .as("the failure of the queued write, named on its own event")
                .isNotBlank();
        assertThat(operator.checkpoint("tally")).isEqualTo(appended.last());
    }

    @Test
    void additive_rows_merged_in_large_batches_give_each_stream_its_sum_and_a_poisoned_event_is_still_parked_alone() {
        // Runs of ten events per stream, so that a batch holds many rows of one stream to merge.
        var appended = appendAmongAdded(i -> "tally-" + (i / 10 % 7), 1_105, 2_205);
        runner = ProjectionRunner.start(Tally.additive("tally"), store, readModel, options());

        runner.awaitPosition(appended.last(), WAIT);

        assertThat(tallies()).isEqualTo(appended.totals());
        assertThat(talliedEvents()).as("each event counted once").isEqualTo(appended.counts());
        assertThat(operator.deadLetters(Optional.of("tally")))
                .extracting(letter -> letter.position(), letter -> letter.attempts())
                .containsExactly(tuple(appended.refused(), 3), tuple(appended.poisoned(), 3));
        assertThat(operator.checkpoint("tally")).isEqualTo(appended.last());
    }

    /** What {@link #appendAmongAdded} appended: each stream's expected total and count, and three positions. */
    private record Appended(
            Map<String, Long> totals, Map<String, Long> counts, long refused, long poisoned, long last) {}

    /**
     * Appends 3,000 events to the streams {@code streamOf} names by their number (from 1): a Refused one at
     * {@code refusedAt}, a Poisoned one at {@code poisonedAt}, an Added of the number everywhere else.
     */
    private Appended appendAmongAdded(IntFunction<String> streamOf, int refusedAt, int poisonedAt) {
        var totals = new TreeMap<String, Long>();
        var counts = new TreeMap<String, Long>();
        long refused = 0;
        long poisoned = 0;
        long last = 0;
        for (int i = 1; i <= 3_000; i++) {
            String stream = streamOf.apply(i);
            if (i == refusedAt) {
                refused = append(stream, Tally.refused("no"));
            } else if (i == poisonedAt) {
                poisoned = append(stream, Tally.poisoned("a NULL total"));
            } else {
                last = append(stream, Tally.added(i));
                totals.merge(stream, (long) i, Long::sum);
                counts.merge(stream, 1L, Long::sum);
            }
        }
        return new Appended(totals, counts, refused, poisoned, last);
    }

    @Test
    void stops_on_error_under_the_stop_policy_and_goes_on_when_skipped_from_elsewhere() {
        append("tally-a", Tally.added(1));
        append("tally-a", Tally.refused("no"));
        long last = append("tally-a", Tally.added(2));
        start(options().withOnFailure(FailurePolicy.STOP));

        await().atMost(WAIT).until(() -> operator.health().stream()
                .anyMatch(h -> h.state() == ProjectionState.STOPPED_ON_ERROR && h.deadLetters() == 1));
        assertThat(tallies()).containsEntry("tally-a", 1L);

        operator.skip(operator.deadLetters(Optional.of("tally")).getFirst().id());

        runner.awaitPosition(last, WAIT);
        assertThat(tallies()).containsEntry("tally-a", 3L);
    }

    @Test
    void obeys_pause_and_resume_requested_from_another_connection() {
        start(options());
        operator.pause("tally");
        await().atMost(WAIT).until(() -> operator.health().stream()
                .anyMatch(h -> h.projection().equals("tally") && h.state() == ProjectionState.PAUSED));
        long position = append("tally-a", Tally.added(4));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> tallies()
                .isEmpty());

        operator.resume("tally");

        runner.awaitPosition(position, WAIT);
        assertThat(tallies()).containsEntry("tally-a", 4L);
    }

    @Test
    void a_reset_rebuild_replays_into_the_same_read_model() {
        long last = 0;
        for (int i = 1; i <= 50; i++) {
            last = append("tally-" + (i % 3), Tally.added(i));
        }
        start(options());
        runner.awaitPosition(last, WAIT);
        var before = tallies();

        operator.requestRebuild("tally", RebuildMode.RESET);

        await().atMost(WAIT).until(() -> operator.control("tally").rebuild() == RebuildMode.NONE);
        runner.awaitPosition(last, WAIT);
        assertThat(tallies()).isEqualTo(before);
    }

    @Test
    void a_blue_green_rebuild_keeps_queries_on_the_complete_live_version_until_the_switch() {
        long last = 0;
        for (int i = 1; i <= 40; i++) {
            last = append("tally-" + (i % 4), Tally.added(i));
        }
        var seenWhileBuilding = new CopyOnWriteArrayList<Map<String, Long>>();
        var projection = Tally.projection("tally", tx -> {
            if (tx.table("tallies").endsWith("_v2")) {
                // What a query on another connection sees while version 2 is half built.
                seenWhileBuilding.add(tallies());
            }
        });
        runner = ProjectionRunner.start(projection, store, readModel, options());
        runner.awaitPosition(last, WAIT);
        var complete = tallies();

        runner.rebuild(RebuildMode.BLUE_GREEN);

        await().atMost(WAIT).until(() -> operator.control("tally").liveVersion() == 2);
        assertThat(seenWhileBuilding).hasSize(40).allSatisfy(seen -> assertThat(seen)
                .isEqualTo(complete));
        long later = append("tally-9", Tally.added(1000));
        runner.awaitPosition(later, WAIT);
        assertThat(tallies()).containsAllEntriesOf(complete).containsEntry("tally-9", 1000L);
        assertThat(operator.control("tally").rebuild()).isEqualTo(RebuildMode.NONE);
        assertThat(tableExists("tallies_v1"))
                .as("the old version's table is dropped")
                .isFalse();
    }
}

package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.WrongExpectedVersionException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupCommitTest {

    @TempDir
    Path data;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SqliteEventStore store;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(data, SqliteOptions.defaults().withMeterRegistry(registry));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void gathers_appends_that_wait_together_into_one_commit() throws Exception {
        var appends = new ConcurrentAppends();
        var results = new ArrayList<CompletableFuture<AppendResult>>();
        try (var lock = WriteLockHolder.hold(store.file())) {
            occupyWriter(appends);
            for (int i = 0; i < 20; i++) {
                String stream = "account-" + i;
                results.add(appends.start(() -> store.append(
                        stream,
                        ExpectedVersion.noStream(),
                        EventData.of("Opened", "{}"),
                        EventData.of("Deposited", "{}"))));
            }
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        assertThat(results)
                .allSatisfy(result -> assertThat(result).isCompleted().isNotCompletedExceptionally());
        assertThat(batchAppends().count()).isEqualTo(2);
        assertThat(batchAppends().max()).isEqualTo(20);
        assertThat(registry.get("annals.append.batch.events").summary().max()).isEqualTo(40);
        assertThat(store.read(ReadRequest.forward(new ReadSource.All())).map(RecordedEvent::position))
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 41).boxed().toList());
    }

    @Test
    void fails_only_the_refused_appends_of_a_batch() throws Exception {
        var taken = EventData.of("Opened", "{\"first\":true}");
        var original = store.append("taken-1", ExpectedVersion.noStream(), taken);
        var appends = new ConcurrentAppends();
        var good = new ArrayList<CompletableFuture<AppendResult>>();
        CompletableFuture<AppendResult> wrongVersion;
        CompletableFuture<AppendResult> reusedId;
        CompletableFuture<AppendResult> halfReused;
        CompletableFuture<AppendResult> retry;
        try (var lock = WriteLockHolder.hold(store.file())) {
            occupyWriter(appends);
            for (int i = 0; i < 5; i++) {
                String stream = "good-" + i;
                good.add(appends.start(() -> store.append(
                        stream,
                        ExpectedVersion.noStream(),
                        EventData.of("Opened", "{}"),
                        EventData.of("Deposited", "{}"))));
            }
            wrongVersion = appends.start(
                    () -> store.append("taken-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}")));
            reusedId = appends.start(() -> store.append(
                    "other-1",
                    ExpectedVersion.any(),
                    taken.withMetadata(taken.metadata().withUser("mallory"))));
            halfReused = appends.start(
                    () -> store.append("half-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"), taken));
            retry = appends.start(() -> store.append("taken-1", ExpectedVersion.noStream(), taken));
            for (int i = 5; i < 10; i++) {
                String stream = "good-" + i;
                good.add(appends.start(() -> store.append(
                        stream,
                        ExpectedVersion.noStream(),
                        EventData.of("Opened", "{}"),
                        EventData.of("Deposited", "{}"))));
            }
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        assertThat(good).allSatisfy(result -> assertThat(result).isCompleted().isNotCompletedExceptionally());
        assertThatThrownBy(wrongVersion::join).hasCauseInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(reusedId::join).hasCauseInstanceOf(EventIdConflictException.class);
        assertThatThrownBy(halfReused::join).hasCauseInstanceOf(EventIdConflictException.class);
        assertThat(retry.join()).isEqualTo(original);
        assertThat(batchAppends().count()).isEqualTo(3);
        assertThat(batchAppends().max()).isEqualTo(14);
        assertThat(store.readStream("half-1")).isEmpty();
        assertThat(store.readStream("other-1")).isEmpty();
        assertThat(good.stream().map(CompletableFuture::join).map(AppendResult::position))
                .doesNotHaveDuplicates()
                .allSatisfy(position -> assertThat(position).isBetween(4L, 22L));
        assertThat(store.headPosition()).isEqualTo(22);
        assertGapFree();
    }

    @Test
    void answers_a_retry_queued_in_the_same_batch_with_the_original_result() throws Exception {
        var events = List.of(EventData.of("Opened", "{}"), EventData.of("Deposited", "{\"amount\":3}"));
        var appends = new ConcurrentAppends();
        CompletableFuture<AppendResult> original;
        CompletableFuture<AppendResult> retry;
        try (var lock = WriteLockHolder.hold(store.file())) {
            occupyWriter(appends);
            original = appends.start(() -> store.append("twin-1", ExpectedVersion.noStream(), events));
            retry = appends.start(() -> store.append("twin-1", ExpectedVersion.noStream(), events));
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        assertThat(retry.join()).isEqualTo(original.join()).isEqualTo(new AppendResult(1, 3));
        assertThat(batchAppends().max()).isEqualTo(2);
        assertThat(store.readStream("twin-1")).hasSize(2);
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void answers_an_exact_retry_among_more_refused_appends_than_one_look_up_holds() throws Exception {
        var taken = EventData.of("Opened", "{\"first\":true}");
        var original = store.append("taken-1", ExpectedVersion.noStream(), taken);
        var appends = new ConcurrentAppends();
        var refused = new ArrayList<CompletableFuture<AppendResult>>();
        CompletableFuture<AppendResult> retry;
        try (var lock = WriteLockHolder.hold(store.file())) {
            occupyWriter(appends);
            // 70 ids of refused appends before the retry's: the group's look-up of their ids takes two queries.
            for (int i = 0; i < 35; i++) {
                refused.add(appends.start(() -> store.append(
                        "taken-1",
                        ExpectedVersion.noStream(),
                        EventData.of("Opened", "{}"),
                        EventData.of("Opened", "{}"))));
            }
            retry = appends.start(() -> store.append("taken-1", ExpectedVersion.exact(4), taken));
            refused.add(appends.start(
                    () -> store.append("taken-1", ExpectedVersion.exact(4), EventData.of("Opened", "{}"))));
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        assertThat(retry.join()).isEqualTo(original);
        assertThat(refused).allSatisfy(result -> assertThatThrownBy(result::join)
                .hasCauseInstanceOf(WrongExpectedVersionException.class));
        assertThat(batchAppends().max()).isEqualTo(37);
        assertThat(store.readStream("taken-1")).hasSize(1);
        assertGapFree();
    }

    @Test
    void refuses_an_append_whose_ids_a_later_append_of_its_batch_writes_as_if_it_had_been_looked_up_at_its_turn()
            throws Exception {
        store.append("moved-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
        var shared = EventData.of("Opened", "{\"shared\":true}");
        var appends = new ConcurrentAppends();
        CompletableFuture<AppendResult> stale;
        CompletableFuture<AppendResult> later;
        CompletableFuture<AppendResult> other;
        try (var lock = WriteLockHolder.hold(store.file())) {
            occupyWriter(appends);
            // Queued in this order: the stale append is judged before the later one writes the shared id.
            stale = appends.startQueued(() -> store.append("moved-1", ExpectedVersion.noStream(), shared));
            later = appends.startQueued(() -> store.append("fresh-1", ExpectedVersion.noStream(), shared));
            other = appends.startQueued(
                    () -> store.append("other-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}")));
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        // At its turn the stale append's id was not stored yet: a refusal for its version, not a retry of the
        // append written after it. The group was written again append by append to keep that answer.
        assertThatThrownBy(stale::join)
                .cause()
                .isInstanceOfSatisfying(
                        WrongExpectedVersionException.class,
                        refusal -> assertThat(refusal.actualVersion()).isZero());
        assertThat(later.join().streamVersion()).isZero();
        assertThat(other.join().streamVersion()).isZero();
        assertThat(store.readStream("fresh-1"))
                .extracting(RecordedEvent::eventId)
                .containsExactly(shared.eventId());
        assertThat(store.readStream("moved-1")).hasSize(1);
        assertGapFree();
    }

    @Test
    void fails_only_the_append_the_database_refuses_and_writes_the_others_of_its_batch_on_their_own() throws Exception {
        store.append("before-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
        var appends = new ConcurrentAppends();
        var doomed = new ArrayList<CompletableFuture<AppendResult>>();
        CompletableFuture<AppendResult> first;
        try (var lock = WriteLockHolder.hold(store.file())) {
            // A trigger stands in for a failing disk: the database refuses one insert with an error that is
            // no constraint Annals knows, so the writer must treat the whole transaction as failed.
            lock.execute("CREATE TRIGGER fail_boom BEFORE INSERT ON events"
                    + " WHEN NEW.type_id = (SELECT type_id FROM event_types WHERE name = 'Boom')"
                    + " BEGIN SELECT RAISE(ABORT, 'simulated I/O failure'); END");
            first = occupyWriter(appends);
            for (int i = 0; i < 6; i++) {
                String stream = "doomed-" + i;
                String type = i == 3 ? "Boom" : "Opened";
                doomed.add(appends.start(
                        () -> store.append(stream, ExpectedVersion.noStream(), EventData.of(type, "{}"))));
            }
            appends.awaitAllWaiting();
            lock.release();
        }
        appends.awaitAllDone();

        // The batch failed as a whole; each append was then written alone, and only the refused one failed.
        assertThatThrownBy(doomed.get(3)::join)
                .cause()
                .isExactlyInstanceOf(EventStoreException.class)
                .hasMessageContaining("doomed-3")
                .hasMessageNotContaining("simulated I/O failure");
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertThat(doomed.get(i).join().streamVersion()).isZero();
        }
        assertThat(first.join()).isEqualTo(new AppendResult(0, 2));
        assertThat(batchAppends().count()).as("commits that succeeded").isEqualTo(7);
        assertThat(store.headPosition()).isEqualTo(7);
        try (var lock = WriteLockHolder.hold(store.file())) {
            lock.execute("DROP TRIGGER fail_boom");
        }
        assertThat(store.append("doomed-3", ExpectedVersion.noStream(), EventData.of("Opened", "{}")))
                .isEqualTo(new AppendResult(0, 8));
        assertGapFree();
    }

    /**
     * Has one append written while the file is locked, so that every append started afterwards waits in the
     * queue and goes into the next commit together.
     */
    private CompletableFuture<AppendResult> occupyWriter(ConcurrentAppends appends) {
        return appends.startWriting(
                () -> store.append("occupier-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}")));
    }

    private DistributionSummary batchAppends() {
        return registry.get("annals.append.batch.appends").summary();
    }

    private void assertGapFree() {
        List<Long> positions = store.read(ReadRequest.forward(new ReadSource.All()))
                .map(RecordedEvent::position)
                .toList();
        assertThat(positions)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, store.headPosition())
                        .boxed()
                        .toList());
    }
}

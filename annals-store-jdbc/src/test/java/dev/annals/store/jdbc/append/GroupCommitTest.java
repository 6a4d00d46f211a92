package dev.annals.store.jdbc.append;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.WrongExpectedVersionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who writes a batch (the caller of a lone append, else the writer thread, never two at once), and what
 * happens when a batch fails: each append alone, looked up by id first when the commit's outcome is unknown.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupCommitTest {

    private final List<Written> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean holdFirstBatch;
    private GroupCommit groupCommit;
    /** Streams whose appends the "database" refuses: any batch holding one fails as a whole. */
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    /** Batches whose COMMIT fails after writing (true) or before (false), by their first stream. */
    private final Map<String, Boolean> commitFails = new ConcurrentHashMap<>();

    private final Map<UUID, AppendResult> stored = new ConcurrentHashMap<>();
    private final BatchWriter writer = new BatchWriter() {
        @Override
        public void write(List<PendingAppend> batch) throws BatchFailure {
            GroupCommitTest.this.write(batch);
        }

        @Override
        public Optional<AppendResult> lookUp(PendingAppend append) {
            return Optional.ofNullable(stored.get(append.events().getFirst().eventId()));
        }
    };

    private record Written(String thread, List<String> streams) {}

    @AfterEach
    void stop() {
        release.countDown();
        groupCommit.stop();
    }

    @Test
    void a_lone_append_is_written_in_its_callers_thread() {
        groupCommit = new GroupCommit("test", 100, writer);

        var append = append("account-1");
        groupCommit.submit(append);

        assertThat(append.await()).isEqualTo(new AppendResult(0, 1));
        assertThat(written).containsExactly(new Written(Thread.currentThread().getName(), List.of("account-1")));
    }

    @Test
    void a_lone_append_of_a_virtual_thread_is_written_in_its_callers_thread_when_the_writer_uses_no_native_code()
            throws Exception {
        groupCommit = new GroupCommit("test", 100, writer);

        var append = append("account-1");
        Thread.ofVirtual()
                .name("virtual caller")
                .start(() -> groupCommit.submit(append))
                .join();

        assertThat(append.await()).isEqualTo(new AppendResult(0, 1));
        assertThat(written).containsExactly(new Written("virtual caller", List.of("account-1")));
    }

    @Test
    void a_virtual_thread_hands_its_lone_append_to_the_writer_thread_when_writing_blocks_in_native_code()
            throws Exception {
        groupCommit = new GroupCommit("test", 100, new BatchWriter() {
            @Override
            public void write(List<PendingAppend> batch) throws BatchFailure {
                writer.write(batch);
            }

            @Override
            public Optional<AppendResult> lookUp(PendingAppend append) throws BatchFailure {
                return writer.lookUp(append);
            }

            @Override
            public boolean blocksInNativeCode() {
                return true;
            }
        });

        // The platform caller first: it writes in its own thread and has let go of the writing lock when
        // submit returns, so the virtual caller's hand-off below is the only thing that can differ.
        var fromPlatform = append("account-1");
        groupCommit.submit(fromPlatform);
        assertThat(fromPlatform.await()).isEqualTo(new AppendResult(0, 1));
        var fromVirtual = append("account-2");
        Thread.ofVirtual()
                .name("virtual caller")
                .start(() -> groupCommit.submit(fromVirtual))
                .join();
        fromVirtual.await();

        assertThat(written)
                .containsExactly(
                        new Written(Thread.currentThread().getName(), List.of("account-1")),
                        new Written("annals-writer test", List.of("account-2")));
    }

    @Test
    void appends_that_arrive_while_a_batch_is_written_wait_and_go_together_to_the_writer_thread() throws Exception {
        holdFirstBatch = true;
        groupCommit = new GroupCommit("test", 100, writer);
        var first = append("account-0");
        Thread.ofPlatform().name("first caller").start(() -> groupCommit.submit(first));
        assertThat(held.await(5, TimeUnit.SECONDS))
                .as("the first batch is being written")
                .isTrue();

        var later = List.of(append("account-1"), append("account-2"), append("account-3"));
        later.forEach(groupCommit::submit);
        release.countDown();

        for (var append : later) {
            append.await();
        }
        first.await();
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).isEqualTo(new Written("first caller", List.of("account-0")));
        assertThat(written.get(1).thread()).isEqualTo("annals-writer test");
        assertThat(written.get(1).streams()).containsExactly("account-1", "account-2", "account-3");
    }

    @Test
    void a_poisoned_append_fails_alone_and_the_others_of_its_group_are_written() throws Exception {
        holdFirstBatch = true;
        groupCommit = new GroupCommit("test", 100, writer);
        var first = append("account-0");
        Thread.ofPlatform().start(() -> groupCommit.submit(first));
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        poisoned.add("poison-1");
        var group = List.of(append("account-1"), append("poison-1"), append("account-2"));
        group.forEach(groupCommit::submit);
        release.countDown();

        assertThat(group.get(0).await()).isNotNull();
        assertThat(group.get(2).await()).isNotNull();
        assertThatThrownBy(() -> group.get(1).await())
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("poison-1")
                .hasMessageNotContaining("constraint");
        assertThat(written.stream().map(Written::streams))
                .contains(List.of("account-1", "poison-1", "account-2"), List.of("account-1"), List.of("account-2"));
    }

    @Test
    void a_storage_fault_fails_every_append_of_its_group_at_once_without_writing_each_again() throws Exception {
        holdFirstBatch = true;
        groupCommit = new GroupCommit("test", 100, writer);
        var first = append("account-0");
        Thread.ofPlatform().start(() -> groupCommit.submit(first));
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        commitFails.put("account-1", false);
        var group = List.of(append("account-1"), append("account-2"));
        group.forEach(groupCommit::submit);
        release.countDown();

        for (var append : group) {
            assertThatThrownBy(append::await)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("disk")
                    .hasMessageNotContaining("SQLITE");
        }
        assertThat(written).hasSize(2);
    }

    @Test
    void after_a_commit_of_unknown_outcome_each_append_is_looked_up_by_id_and_not_written_again() throws Exception {
        groupCommit = new GroupCommit("test", 100, writer);
        commitFails.put("account-1", true);
        var append = append("account-1");

        groupCommit.submit(append);

        assertThat(append.await()).isEqualTo(new AppendResult(0, 1));
        assertThat(written).hasSize(1);
    }

    @Test
    void a_storage_fault_fails_the_append_as_unavailable_until_a_probe_finds_the_storage_writable_again() {
        groupCommit = new GroupCommit("test", 100, writer);
        commitFails.put("account-1", false);
        var append = append("account-1");

        groupCommit.submit(append);

        assertThatThrownBy(append::await)
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.reason())
                        .isEqualTo(StoreUnavailableException.Reason.DISK_FULL));
        assertThat(groupCommit.writeFault()).isEmpty();
        var next = append("account-2");
        groupCommit.submit(next);
        assertThat(next.await()).isNotNull();
    }

    @Test
    void a_storage_fault_is_the_stores_before_the_caller_hears_of_it_and_names_no_stream() {
        var full = new BatchFailure(
                Optional.of(StoreUnavailableException.Reason.DISK_FULL),
                false,
                new IllegalStateException("SQLITE_FULL"));

        assertTheFaultIsTheStoresWhenTheCallerHearsOfIt(full, Optional.empty());
    }

    @Test
    void a_storage_fault_in_a_commit_of_unknown_outcome_is_the_stores_before_the_caller_hears_of_it() {
        var fullInCommit = new BatchFailure(
                Optional.of(StoreUnavailableException.Reason.DISK_FULL),
                true,
                new IllegalStateException("SQLITE_FULL in COMMIT"));
        // The look-up that would tell whether the commit wrote fails too, for a cause it cannot name.
        var lookUpFailed = new BatchFailure(Optional.empty(), false, new IllegalStateException("the look-up failed"));

        assertTheFaultIsTheStoresWhenTheCallerHearsOfIt(fullInCommit, Optional.of(lookUpFailed));
    }

    @Test
    void writers_racing_on_one_stream_all_get_their_appends_in_and_once_it_is_hot_a_group_holds_two_of_them()
            throws Exception {
        var refusedBefore = new AtomicBoolean();
        var groupsOnceHot = new CopyOnWriteArrayList<Integer>();
        var versioned = oneStream(
                batch -> {
                    if (refusedBefore.get()) {
                        groupsOnceHot.add(batch.size());
                    }
                },
                refusedBefore);
        groupCommit = new GroupCommit("test", 100, versioned);
        int writers = 16;
        int appendsEach = 25;
        var failures = new CopyOnWriteArrayList<Throwable>();
        var done = startRacers(writers, () -> race(appendsEach), failures);

        assertThat(done.await(30, TimeUnit.SECONDS))
                .as("every writer stored its appends")
                .isTrue();
        assertThat(failures).isEmpty();
        var last = PendingAppend.of("ledger", ExpectedVersion.any(), List.of(EventData.of("Posted", "{}")));
        groupCommit.submit(last);
        assertThat(last.await().streamVersion()).isEqualTo(writers * appendsEach);
        assertThat(groupsOnceHot).isNotEmpty().allSatisfy(size -> assertThat(size)
                .isLessThanOrEqualTo(2));
    }

    @Test
    void stopping_while_writers_race_on_a_hot_stream_writes_what_was_queued_and_ends_without_waiting_for_them()
            throws Exception {
        var stored = new CountDownLatch(200);
        groupCommit = new GroupCommit("test", 100, oneStream(batch -> {}, new AtomicBoolean()));
        var endedBy = new CopyOnWriteArrayList<Throwable>();
        var ended = startRacers(
                16,
                () -> {
                    while (true) {
                        race(1);
                        stored.countDown();
                    }
                },
                endedBy);
        assertThat(stored.await(30, TimeUnit.SECONDS))
                .as("the writers are racing")
                .isTrue();

        var stopper = Thread.ofPlatform().start(groupCommit::stop);

        assertThat(stopper.join(Duration.ofSeconds(10))).as("stop returned").isTrue();
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("every racer was told").isTrue();
        assertThat(endedBy).hasSize(16).allSatisfy(e -> assertThat(e).hasMessageContaining("the store was closed"));
    }

    /** Appends one event to "ledger" {@code times} times with exact versions, retrying from each conflict's. */
    /**
     * Starts {@code writers} threads running {@code body}, each adding what ended it, if anything, to
     * {@code endedBy}; the latch counts the threads that ended.
     */
    private static CountDownLatch startRacers(int writers, Runnable body, List<Throwable> endedBy) {
        var ended = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            Thread.ofPlatform().start(() -> {
                try {
                    body.run();
                } catch (RuntimeException e) {
                    endedBy.add(e);
                } finally {
                    ended.countDown();
                }
            });
        }
        return ended;
    }

    private void race(int times) {
        long known = -1;
        for (int stored = 0; stored < times; ) {
            var append =
                    PendingAppend.of("ledger", ExpectedVersion.exact(known), List.of(EventData.of("Posted", "{}")));
            groupCommit.submit(append);
            try {
                known = append.await().streamVersion();
                stored++;
            } catch (WrongExpectedVersionException conflict) {
                known = conflict.actualVersion();
            }
        }
    }

    /**
     * A writer of one stream's versions in memory, judging each append of a batch in order; {@code seen} sees each
     * batch first, and {@code refused} turns true at the first refusal.
     */
    private static BatchWriter oneStream(Consumer<List<PendingAppend>> seen, AtomicBoolean refused) {
        return new BatchWriter() {
            private long version = -1;
            private long position;

            @Override
            public void write(List<PendingAppend> batch) {
                seen.accept(batch);
                var outcomes = new Object[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    var append = batch.get(i);
                    if (append.expected().accepts(version)) {
                        version++;
                        outcomes[i] = new AppendResult(version, ++position);
                    } else {
                        outcomes[i] = new VersionRefusal(append.stream(), append.expected(), version);
                        refused.set(true);
                    }
                }
                GroupOutcomes.complete(batch, outcomes);
            }

            @Override
            public Optional<AppendResult> lookUp(PendingAppend append) {
                return Optional.empty();
            }
        };
    }

    /**
     * Appends to a store whose every write fails with {@code writeFailure} (and every look-up with {@code
     * lookUpFailure}, if given) and checks what readiness would say at the moment the caller is told.
     */
    private void assertTheFaultIsTheStoresWhenTheCallerHearsOfIt(
            BatchFailure writeFailure, Optional<BatchFailure> lookUpFailure) {
        var fullDisk = new BatchWriter() {
            @Override
            public void write(List<PendingAppend> batch) throws BatchFailure {
                throw writeFailure;
            }

            @Override
            public Optional<AppendResult> lookUp(PendingAppend append) throws BatchFailure {
                if (lookUpFailure.isPresent()) {
                    throw lookUpFailure.get();
                }
                return Optional.empty();
            }

            @Override
            public void probe() throws BatchFailure {
                throw writeFailure;
            }
        };
        groupCommit = new GroupCommit("test", 100, fullDisk);
        var append = append("account-1");
        // Runs on the thread that completes the append, at that moment: what a client told of the fault
        // would find if it asked for readiness at once.
        var faultWhenTold = new AtomicReference<Optional<StoreUnavailableException>>();
        append.outcome().whenComplete((result, failure) -> faultWhenTold.set(groupCommit.writeFault()));

        groupCommit.submit(append);

        assertThatThrownBy(append::await).isInstanceOf(StoreUnavailableException.class);
        assertThat(faultWhenTold.get()).hasValueSatisfying(fault -> {
            assertThat(fault.reason()).isEqualTo(StoreUnavailableException.Reason.DISK_FULL);
            assertThat(fault.getMessage()).doesNotContain("account-1");
        });
    }

    private void write(List<PendingAppend> batch) throws BatchFailure {
        written.add(new Written(
                Thread.currentThread().getName(),
                batch.stream().map(PendingAppend::stream).toList()));
        if (holdFirstBatch && written.size() == 1) {
            held.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (batch.stream().anyMatch(append -> poisoned.contains(append.stream()))) {
            throw new BatchFailure(Optional.empty(), false, new IllegalStateException("constraint poisoned"));
        }
        var fails = commitFails.remove(batch.getFirst().stream());
        if (fails != null && !fails) {
            throw new BatchFailure(
                    Optional.of(StoreUnavailableException.Reason.DISK_FULL),
                    false,
                    new IllegalStateException("SQLITE_FULL"));
        }
        for (var append : batch) {
            stored.put(append.events().getFirst().eventId(), new AppendResult(0, written.size()));
        }
        if (fails != null) {
            throw new BatchFailure(Optional.empty(), true, new IllegalStateException("connection lost in COMMIT"));
        }
        for (var append : batch) {
            append.acknowledge(new AppendResult(0, written.size()));
        }
    }

    private static PendingAppend append(String stream) {
        return PendingAppend.of(stream, ExpectedVersion.any(), List.of(EventData.of("Opened", "{}")));
    }
}

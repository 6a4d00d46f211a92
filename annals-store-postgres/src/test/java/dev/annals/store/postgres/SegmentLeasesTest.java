package dev.annals.store.postgres;

import dev.annals.projection.segment.LeaseLostException;
import dev.annals.projection.segment.SegmentCountMismatchException;
import dev.annals.projection.segment.SegmentLease;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Leases and their fence on a real PostgreSQL: a worker whose lease was taken over cannot commit, and a
 * takeover waits for the old owner's transaction in flight, so two owners never commit interleaved.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SegmentLeasesTest {

    private PostgresEventStore store;
    private PostgresSegmentLeases leases;

    @BeforeEach
    void open() {
        store = PostgresEventStore.open(
                TestDatabase.URL, TestDatabase.newOptions().withListen(false));
        leases = PostgresSegmentLeases.of(store, Duration.ofMinutes(1));
        leases.join("ledger", 4, "worker-a");
        leases.join("ledger", 4, "worker-b");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void claims_a_free_segment_once_and_renews_it_for_its_owner_only() {
        var claimed = leases.claim("ledger", 2, "worker-a").orElseThrow();
        var again = leases.claim("ledger", 2, "worker-b");

        assertThat(claimed.epoch()).isEqualTo(1);
        assertThat(claimed.active()).isTrue();
        assertThat(again).isEmpty();
        assertThat(leases.renew("ledger", "worker-a"))
                .extracting(SegmentLease::segment)
                .containsExactly(2);
        assertThat(leases.renew("ledger", "worker-b")).isEmpty();
        assertThat(leases.liveWorkers("ledger")).isEqualTo(2);
        assertThat(leases.leases("ledger")).extracting(SegmentLease::owner).containsExactly("", "", "worker-a", "");
    }

    @Test
    void a_worker_whose_lease_was_taken_over_cannot_commit() throws Exception {
        var first = leases.claim("ledger", 0, "worker-a").orElseThrow();
        try (var readModel = PostgresProjections.segmentReadModels(store, Ledger.tables("ledger"))
                .open(first)) {
            readModel.transact(tx -> {
                tx.saveCheckpoint("ledger-seg-0", 10);
                return null;
            });
            expire(0);
            var second = leases.claim("ledger", 0, "worker-b").orElseThrow();

            assertThatThrownBy(() -> readModel.transact(tx -> {
                        tx.saveCheckpoint("ledger-seg-0", 20);
                        return null;
                    }))
                    .isInstanceOf(LeaseLostException.class)
                    .hasMessageContaining("epoch 1");
            assertThat(second.epoch()).isEqualTo(2);
            assertThat(second.owner()).isEqualTo("worker-b");
        }
        try (var states = PostgresProjections.states(store)) {
            assertThat(states.checkpoint("ledger-seg-0")).isEqualTo(10);
        }
    }

    @Test
    void an_expired_lease_no_longer_commits_even_before_anyone_takes_it() throws Exception {
        var lease = leases.claim("ledger", 1, "worker-a").orElseThrow();
        try (var readModel = PostgresProjections.segmentReadModels(store, Ledger.tables("ledger"))
                .open(lease)) {
            expire(1);

            assertThatThrownBy(() -> readModel.transact(tx -> null)).isInstanceOf(LeaseLostException.class);
        }
    }

    @Test
    void a_takeover_waits_for_the_old_owners_transaction_in_flight() throws Exception {
        // A short lease that runs out while its transaction is in flight (its row is locked, so the test cannot
        // expire it by an update as the other tests do).
        var first = PostgresSegmentLeases.of(store, Duration.ofSeconds(1))
                .claim("ledger", 3, "worker-a")
                .orElseThrow();
        var inside = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor();
                var readModel = PostgresProjections.segmentReadModels(store, Ledger.tables("ledger"))
                        .open(first)) {
            var oldOwner = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return readModel.transact(tx -> {
                                inside.countDown();
                                assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
                                tx.saveCheckpoint("ledger-seg-3", 7);
                                return "committed";
                            });
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    threads);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !leases.leases("ledger").get(3).active());

            var takeover = CompletableFuture.supplyAsync(() -> leases.claim("ledger", 3, "worker-b"), threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() > 0);
            assertThat(takeover).isNotDone();
            finish.countDown();

            assertThat(oldOwner.get(10, TimeUnit.SECONDS)).isEqualTo("committed");
            assertThat(takeover.get(10, TimeUnit.SECONDS)).hasValueSatisfying(lease -> {
                assertThat(lease.epoch()).isEqualTo(2);
                assertThat(lease.owner()).isEqualTo("worker-b");
            });
        }
        try (var states = PostgresProjections.states(store)) {
            assertThat(states.checkpoint("ledger-seg-3")).isEqualTo(7);
        }
    }

    @Test
    void refuses_a_worker_with_another_number_of_segments() {
        assertThatThrownBy(() -> leases.join("ledger", 8, "worker-c"))
                .isInstanceOf(SegmentCountMismatchException.class)
                .hasMessageContaining("has 4 segments, a worker asked for 8");
    }

    @Test
    void a_released_or_left_segment_is_free_for_another_worker_at_once() {
        var lease = leases.claim("ledger", 0, "worker-a").orElseThrow();
        leases.claim("ledger", 1, "worker-a").orElseThrow();

        leases.release(lease);
        var taken = leases.claim("ledger", 0, "worker-b");
        leases.leave("ledger", "worker-a");

        assertThat(taken).hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(2));
        assertThat(leases.claim("ledger", 1, "worker-b")).isPresent();
        assertThat(leases.liveWorkers("ledger")).isEqualTo(1);
    }

    private void expire(int segment) throws SQLException {
        // Stands for a worker paused past its lease (a long GC pause, a network partition).
        try (var connection = TestDatabase.connect();
                var statement = connection.prepareStatement("UPDATE "
                        + store.schema() + ".projection_leases SET expires_at = clock_timestamp() - interval '1 second'"
                        + " WHERE projection = 'ledger' AND segment = ?")) {
            statement.setInt(1, segment);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private int waitingOnALock() throws SQLException {
        try (var connection = TestDatabase.connect();
                var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE '%" + store.schema() + ".projection_leases SET owner%'")) {
            row.next();
            return row.getInt(1);
        }
    }
}

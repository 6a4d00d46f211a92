package dev.annals.subscription;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubscriptionTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
    private Subscription subscription;

    @AfterEach
    void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

    @Test
    void delivers_history_then_live_appends_under_concurrent_writers_without_gap_or_duplicate() throws Exception {
        appendMany("account-0", 700);
        subscription = Subscription.start(
                "all",
                store,
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults()
                        .withPageSize(50)
                        .withBufferSize(20)
                        .withMaxBatch(7),
                seen::addAll);
        var writers = IntStream.range(1, 5)
                .mapToObj(w -> Thread.ofVirtual().start(() -> appendMany("account-" + w, 300)))
                .toList();
        for (Thread writer : writers) {
            writer.join();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 1900);
        assertThat(seen)
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 1900).boxed().toList());
        assertThat(subscription.position()).isEqualTo(1900);
    }

    @Test
    void starts_after_the_checkpoint_and_selects_only_its_category() {
        appendMany("account-1", 3);
        appendMany("order-1", 3);
        appendMany("account-2", 3);
        subscription = Subscription.start(
                "accounts", store, new ReadSource.Category("account"), 2, SubscriptionOptions.defaults(), seen::addAll);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
        assertThat(seen).extracting(RecordedEvent::position).containsExactly(3L, 7L, 8L, 9L);
    }

    @Test
    void follows_one_stream_from_a_checkpoint_given_as_a_global_position() {
        appendMany("account-1", 2);
        appendMany("account-2", 2);
        appendMany("account-1", 2);
        subscription = Subscription.start(
                "one",
                store,
                new ReadSource.StreamOf("account-1"),
                2,
                SubscriptionOptions.defaults().withPageSize(1),
                seen::addAll);
        appendMany("account-1", 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
        assertThat(seen).extracting(RecordedEvent::position).containsExactly(5L, 6L, 7L);
    }

    @Test
    void a_slow_subscriber_holds_the_reader_back_so_memory_stays_bounded() throws Exception {
        appendMany("account-1", 500);
        var reads = new CopyOnWriteArrayList<Long>();
        EventReader counting = new CountingReader(store, reads);
        var gate = new CountDownLatch(1);
        subscription = Subscription.start(
                "slow",
                counting,
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults()
                        .withPageSize(10)
                        .withBufferSize(10)
                        .withMaxBatch(1),
                events -> {
                    gate.await(10, TimeUnit.SECONDS);
                    seen.addAll(events);
                });

        await().atMost(Duration.ofSeconds(5)).until(() -> reads.size() >= 2);
        // One event in the subscriber, ten in the buffer, one page in the reader's hands: nothing beyond.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> reads.size() <= 3);
        assertThat(reads.getLast()).isLessThanOrEqualTo(31);
        gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 500);
    }

    @Test
    void finds_appends_by_polling_when_the_store_sends_no_notification() {
        var silent = new CountingReader(store, new CopyOnWriteArrayList<>());
        subscription = Subscription.start(
                "polling",
                silent,
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(20)),
                seen::addAll);
        appendMany("account-1", 3);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
    }

    @Test
    void stops_and_reports_when_the_subscriber_throws() {
        appendMany("account-1", 3);
        subscription = Subscription.start(
                "failing",
                store,
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults().withMaxBatch(1),
                events -> {
                    if (events.getFirst().position() == 2) {
                        throw new IllegalStateException("boom");
                    }
                    seen.addAll(events);
                });

        await().atMost(Duration.ofSeconds(5)).until(() -> !subscription.isRunning());
        assertThat(subscription.failure())
                .get()
                .extracting(Throwable::getMessage)
                .isEqualTo("boom");
        assertThat(subscription.position()).isEqualTo(1);
    }

    @Test
    void close_lets_a_read_in_flight_finish_instead_of_interrupting_it() throws Exception {
        // An interrupt would close a virtual thread's socket under a connection pool, which throws the connection away.
        appendMany("account-1", 3);
        var gated = new GatedReader(store);
        subscription = Subscription.start(
                "gated", gated, new ReadSource.All(), 0, SubscriptionOptions.defaults(), seen::addAll);
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();

        var closed = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            subscription.close();
            closed.countDown();
        });
        await().until(() -> !subscription.isRunning());
        gated.release.countDown();

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gated.interrupted).isFalse();
    }

    private void appendMany(String stream, int count) {
        for (int i = 0; i < count; i++) {
            store.append(stream, ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":" + i + "}"));
        }
    }

    /** A reader that hands everything but its page reads to {@link #inner()}. */
    private interface ForwardingReader extends EventReader {
        EventReader inner();

        @Override
        default long headPosition() {
            return inner().headPosition();
        }

        @Override
        default Stream<StreamInfo> streams() {
            return inner().streams();
        }
    }

    /** A reader that records where each page read starts and offers no head notifications. */
    private record CountingReader(EventReader inner, List<Long> reads) implements ForwardingReader {
        @Override
        public Stream<RecordedEvent> read(ReadRequest request) {
            reads.add(request.from());
            return inner.read(request);
        }
    }

    /** A reader whose first page read waits until released, and which notes whether it was interrupted meanwhile. */
    private static final class GatedReader implements ForwardingReader {
        private final EventReader inner;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean interrupted;

        GatedReader(EventReader inner) {
            this.inner = inner;
        }

        @Override
        public EventReader inner() {
            return inner;
        }

        @Override
        public Stream<RecordedEvent> read(ReadRequest request) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                throw new IllegalStateException("read interrupted", e);
            }
            return inner.read(request);
        }
    }
}

package dev.annals.server.internal.live;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveTailTest {

    final InMemoryEventStore store = new InMemoryEventStore();
    final CountingReader counted = new CountingReader(store);
    LiveTail tail;

    @AfterEach
    void close() {
        tail.close();
        store.close();
    }

    void append(String stream, int count) {
        for (int i = 0; i < count; i++) {
            store.append(
                    stream,
                    ExpectedVersion.any(),
                    EventData.of(stream.startsWith("order") ? "Placed" : "Deposited", "{\"n\":" + i + "}"));
        }
    }

    List<Long> positions(ReadRequest request) {
        try (var events = tail.read(request)) {
            return events.map(RecordedEvent::position).toList();
        }
    }

    @Test
    void serves_reads_from_inside_its_window_from_memory_and_older_ones_from_the_store() {
        append("account-1", 5);
        tail = new LiveTail(counted, 100);
        tail.attach();
        append("account-1", 3);
        await().until(() -> tail.headPosition() == 8);
        int readsBefore = counted.reads.get();

        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(6))).containsExactly(6L, 7L, 8L);
        assertThat(counted.reads.get()).isEqualTo(readsBefore);

        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(2).limit(3)))
                .containsExactly(2L, 3L, 4L);
        assertThat(counted.reads.get()).isEqualTo(readsBefore + 1);
    }

    @Test
    void filters_categories_and_event_types_in_its_window_and_honours_the_limit() {
        tail = new LiveTail(counted, 100);
        tail.attach();
        append("account-1", 2);
        append("order-7", 2);
        append("account-2", 2);
        await().until(() -> tail.headPosition() == 6);

        assertThat(positions(
                        ReadRequest.forward(new ReadSource.Category("account")).from(1)))
                .containsExactly(1L, 2L, 5L, 6L);
        assertThat(positions(
                        ReadRequest.forward(new ReadSource.EventType("Placed")).from(1)))
                .containsExactly(3L, 4L);
        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(2).limit(2)))
                .containsExactly(2L, 3L);
    }

    @Test
    void a_full_window_lets_its_oldest_events_go_and_sends_their_readers_to_the_store() {
        tail = new LiveTail(counted, 4);
        tail.attach();
        append("account-1", 10);
        await().until(() -> tail.headPosition() == 10);
        int readsBefore = counted.reads.get();

        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(7))).containsExactly(7L, 8L, 9L, 10L);
        assertThat(counted.reads.get()).isEqualTo(readsBefore);
        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(3).limit(2)))
                .containsExactly(3L, 4L);
        assertThat(counted.reads.get()).isEqualTo(readsBefore + 1);
    }

    @Test
    void a_subscription_through_it_gets_every_event_once_in_order_while_catching_up_and_live() throws Exception {
        append("account-1", 50);
        tail = new LiveTail(counted, 16);
        tail.attach();
        var seen = new CopyOnWriteArrayList<Long>();
        try (var subscription = Subscription.start(
                "through-tail",
                tail,
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults(),
                events -> events.forEach(e -> seen.add(e.position())))) {
            var writer = Thread.ofVirtual().start(() -> append("account-2", 200));
            writer.join();
            await().until(() -> seen.size() >= 250);
            assertThat(subscription.isRunning()).isTrue();
        }
        assertThat(seen)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 250).boxed().toList());
    }

    @Test
    void reads_nothing_while_no_client_is_attached_and_starts_again_at_the_head_when_one_attaches() {
        tail = new LiveTail(counted, 100);
        append("account-1", 5);

        assertThat(tail.live()).isFalse();
        assertThat(counted.reads.get()).isZero();
        assertThat(tail.headPosition()).isEqualTo(5);
        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(4))).containsExactly(4L, 5L);
        assertThat(counted.reads.get()).isEqualTo(1);

        tail.attach();
        assertThat(tail.live()).isTrue();
        assertThat(tail.base()).isEqualTo(5);
        append("account-1", 2);
        await().until(() -> tail.headPosition() == 7);
        int readsBefore = counted.reads.get();
        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(6))).containsExactly(6L, 7L);
        assertThat(counted.reads.get()).isEqualTo(readsBefore);

        tail.detach();
        assertThat(tail.live()).isFalse();
        append("account-1", 1);
        assertThat(tail.headPosition()).isEqualTo(8);
        assertThat(tail.heldHead()).isEqualTo(7);

        tail.attach();
        assertThat(tail.base()).isEqualTo(8);
        append("account-2", 1);
        await().until(() -> tail.headPosition() == 9);
        assertThat(positions(ReadRequest.forward(new ReadSource.All()).from(7))).containsExactly(7L, 8L, 9L);
        assertThat(tail.held(9)).isNotNull();
    }

    @Test
    void a_second_client_keeps_the_feed_running_when_the_first_detaches() {
        tail = new LiveTail(counted, 100);
        tail.attach();
        tail.attach();
        tail.detach();
        append("account-1", 3);

        await().until(() -> tail.heldHead() == 3);
        assertThat(tail.live()).isTrue();
    }

    /** The store, counting the reads that reach it. */
    static final class CountingReader implements EventReader, HeadNotifier {
        final InMemoryEventStore store;
        final AtomicInteger reads = new AtomicInteger();

        CountingReader(InMemoryEventStore store) {
            this.store = store;
        }

        @Override
        public Stream<RecordedEvent> read(ReadRequest request) {
            reads.incrementAndGet();
            return store.read(request);
        }

        @Override
        public long headPosition() {
            return store.headPosition();
        }

        @Override
        public Stream<StreamInfo> streams() {
            return store.streams();
        }

        @Override
        public void addHeadListener(HeadListener listener) {
            store.addHeadListener(listener);
        }

        @Override
        public void removeHeadListener(HeadListener listener) {
            store.removeHeadListener(listener);
        }
    }
}

package dev.annals.subscription;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscription rides out a store that is unavailable for a while (a lost connection, a restarting server). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubscriptionRetryTest {

    /** Fails every third read, and every read in the middle of an event stream's pages, with a store failure. */
    private static final class FlakyReader implements EventReader {
        private final EventReader store;
        private final AtomicInteger calls = new AtomicInteger();

        FlakyReader(EventReader store) {
            this.store = store;
        }

        @Override
        public Stream<RecordedEvent> read(ReadRequest request) {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new EventStoreException("connection lost (test)");
            }
            // Fails part-way through the page as well, after handing out some events.
            var events = store.read(request).toList();
            if (events.size() > 2 && calls.get() % 5 == 0) {
                return Stream.concat(
                        events.subList(0, 2).stream(),
                        Stream.<RecordedEvent>generate(() -> {
                                    throw new EventStoreException("connection lost mid-page (test)");
                                })
                                .limit(1));
            }
            return events.stream();
        }

        @Override
        public long headPosition() {
            return store.headPosition();
        }

        @Override
        public Stream<StreamInfo> streams() {
            return store.streams();
        }
    }

    @Test
    void reads_again_after_store_failures_and_delivers_every_event_once_in_order() {
        var store = new InMemoryEventStore();
        for (int i = 0; i < 300; i++) {
            store.append("account-" + (i % 7), ExpectedVersion.any(), EventData.of("Deposited", "{\"n\":" + i + "}"));
        }
        List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
        try (var subscription = Subscription.start(
                "flaky",
                new FlakyReader(store),
                new ReadSource.All(),
                0,
                SubscriptionOptions.defaults().withPageSize(10).withPollInterval(Duration.ofMillis(5)),
                seen::addAll)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 300);

            assertThat(subscription.failure()).isEmpty();
            assertThat(subscription.isRunning()).isTrue();
        }
        assertThat(seen)
                .extracting(RecordedEvent::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 300).boxed().toList());
    }
}

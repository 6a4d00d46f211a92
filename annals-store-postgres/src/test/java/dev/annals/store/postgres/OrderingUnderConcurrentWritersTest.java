package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.postgres.internal.PostgresAppender;
import dev.annals.store.postgres.internal.PostgresDialect;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ordering guarantee of docs/adr/0006 under load: 32 writers append for 30 s, as issue 6 asks
 * ({@code -Dannals.test.ordering.seconds=N} for another length). Some of their transactions roll back after
 * writing; some are held open before committing, for a quarter of a second or (writer 0's) two seconds;
 * three subscriptions read the log meanwhile, one of them through a second store object (as another process
 * would, woken by NOTIFY). Every subscriber must see every committed event exactly once, in position order,
 * positions 1..N without a gap, and never an event of a rolled-back transaction.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderingUnderConcurrentWritersTest {

    private static final int WRITERS = 32;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("annals.test.ordering.seconds", 30));

    private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
    private final Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();

    @Test
    void every_subscriber_sees_every_committed_event_once_in_position_order(TestReporter reporter) throws Exception {
        var options = TestDatabase.newOptions();
        try (var store = PostgresEventStore.open(TestDatabase.URL, options);
                var otherProcess = PostgresEventStore.open(TestDatabase.URL, options)) {
            // Synchronized lists, not copy-on-write ones: each batch is appended, and a run holds many events.
            List<List<RecordedEvent>> subscribers = List.of(
                    Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()));
            var small = SubscriptionOptions.defaults()
                    .withPageSize(50)
                    .withBufferSize(64)
                    .withMaxBatch(16);
            var subscriptions = List.of(
                    Subscription.start("ordering-1", store, new ReadSource.All(), 0, small, subscribers.get(0)::addAll),
                    Subscription.start(
                            "ordering-2",
                            store,
                            new ReadSource.All(),
                            0,
                            SubscriptionOptions.defaults(),
                            subscribers.get(1)::addAll),
                    Subscription.start(
                            "ordering-3", otherProcess, new ReadSource.All(), 0, small, subscribers.get(2)::addAll));
            try {
                var deadline = Instant.now().plus(RUN);
                var writers = new ArrayList<Thread>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(Thread.ofPlatform()
                            .name("writer-" + w)
                            .start(() -> write(store, options, writer, deadline)));
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                reporter.publishEntry(
                        "run",
                        RUN + ": " + committed.size() + " events committed, " + rolledBack.size() + " rolled back");
                assertThat(committed).as("committed events").hasSizeGreaterThan(WRITERS);
                assertThat(rolledBack).as("rolled-back events").isNotEmpty();
                for (var seen : subscribers) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= committed.size());
                }
                for (var subscription : subscriptions) {
                    assertThat(subscription.failure()).isEmpty();
                }
            } finally {
                subscriptions.forEach(Subscription::close);
            }
            for (var seen : subscribers) {
                assertThat(seen)
                        .extracting(RecordedEvent::position)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, committed.size())
                                .boxed()
                                .toList());
                // As sets, so that checking a run of hundreds of thousands of events stays linear.
                var ids = new HashSet<UUID>();
                seen.forEach(event -> ids.add(event.eventId()));
                assertThat(ids)
                        .as("distinct event ids seen")
                        .hasSize(seen.size())
                        .isEqualTo(committed);
                assertThat(Collections.disjoint(ids, rolledBack))
                        .as("no rolled-back event seen")
                        .isTrue();
            }
        }
    }

    private void write(PostgresEventStore store, PostgresOptions options, int writer, Instant deadline) {
        var random = ThreadLocalRandom.current();
        var appender = new PostgresAppender(new PostgresDialect(options.schema()));
        try (var own = TestDatabase.connect()) {
            own.setAutoCommit(false);
            while (Instant.now().isBefore(deadline)) {
                String stream = "writer" + writer + "-" + random.nextInt(4);
                var events = events(1 + random.nextInt(3));
                int dice = random.nextInt(100);
                if (dice < 10) {
                    appender.lock(own);
                    appender.write(own, stream, ExpectedVersion.any(), events);
                    own.rollback();
                    appender.rolledBack();
                    events.forEach(e -> rolledBack.add(e.eventId()));
                } else if (dice < 12 && writer < 4) {
                    appender.lock(own);
                    appender.write(own, stream, ExpectedVersion.any(), events);
                    // Held open, advisory lock and all, by the server: the other writers queue behind it. Writer 0
                    // holds for seconds, as a stuck client would; the others for a quarter of a second.
                    try (var hold = own.createStatement()) {
                        hold.execute(writer == 0 ? "SELECT pg_sleep(2)" : "SELECT pg_sleep(0.25)");
                    }
                    own.commit();
                    appender.committed();
                    events.forEach(e -> committed.add(e.eventId()));
                } else {
                    store.append(stream, ExpectedVersion.any(), events);
                    events.forEach(e -> committed.add(e.eventId()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writer " + writer + " failed", e);
        }
    }

    private static List<EventData> events(int count) {
        var events = new ArrayList<EventData>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventData.of("Ticked", "{\"n\":" + i + "}"));
        }
        return events;
    }
}

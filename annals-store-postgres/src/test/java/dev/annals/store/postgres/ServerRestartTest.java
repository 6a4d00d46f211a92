package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.Tally;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL restart in the middle of appends (on a throwaway server of the test's own): callers get an
 * {@link EventStoreException} or nothing at all, no acknowledged event is lost, and a live subscription
 * resumes by itself and sees every event once, in order; a projection goes on by itself too.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerRestartTest {

    private static final int WRITERS = 4;

    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger storeFailures = new AtomicInteger();
    private final List<Throwable> otherFailures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void a_restart_mid_load_loses_no_acknowledged_event_and_subscriptions_resume() throws Exception {
        try (var cluster = ThrowawayCluster.start();
                var store = PostgresEventStore.open(cluster.url(), PostgresOptions.defaults())) {
            var seen = new CopyOnWriteArrayList<RecordedEvent>();
            try (var subscription = Subscription.start(
                    "restart",
                    store,
                    new ReadSource.All(),
                    0,
                    SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(100)),
                    seen::addAll)) {
                var writers = new ArrayList<Thread>();
                for (int w = 0; w < WRITERS; w++) {
                    String stream = "load-" + w;
                    writers.add(Thread.ofVirtual().start(() -> write(store, stream)));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
                int beforeRestart = acknowledged.size();

                cluster.restart();

                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeRestart + 100);
                running.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                long head = store.headPosition();
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= head);

                assertThat(subscription.failure()).isEmpty();
                assertThat(seen)
                        .extracting(RecordedEvent::position)
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, head).boxed().toList());
            }
            assertThat(otherFailures)
                    .as("failures other than EventStoreException")
                    .isEmpty();
            try (var all = store.readAll(1)) {
                assertThat(all.map(RecordedEvent::eventId).toList()).containsAll(acknowledged);
            }
        }
    }

    @Test
    void a_projection_resumes_by_itself_after_a_restart() throws Exception {
        try (var cluster = ThrowawayCluster.start();
                var store = PostgresEventStore.open(cluster.url(), PostgresOptions.defaults());
                var readModel = PostgresProjections.readModel(store, Tally.TABLES)) {
            var options = ProjectionOptions.defaults()
                    .withMeterRegistry(new SimpleMeterRegistry())
                    .withControlInterval(Duration.ofMillis(100));
            try (var runner = ProjectionRunner.start(Tally.projection("tally"), store, readModel, options)) {
                long before = store.append("tally-a", ExpectedVersion.any(), Tally.added(5))
                        .position();
                runner.awaitPosition(before, Duration.ofSeconds(30));

                cluster.restart();

                long after = appendWhenBack(store, Tally.added(7));
                runner.awaitPosition(after, Duration.ofSeconds(60));
                assertThat(runner.health().checkpoint()).isEqualTo(after);
            }
        }
    }

    private static long appendWhenBack(PostgresEventStore store, EventData event) {
        var position = new java.util.concurrent.atomic.AtomicLong();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(EventStoreException.class)
                .until(() -> {
                    position.set(store.append("tally-a", ExpectedVersion.any(), event)
                            .position());
                    return true;
                });
        return position.get();
    }

    private void write(PostgresEventStore store, String stream) {
        while (running.get()) {
            var event = EventData.of("Loaded", "{}");
            try {
                store.append(stream, ExpectedVersion.any(), event);
                acknowledged.add(event.eventId());
            } catch (EventStoreException unavailable) {
                // Expected while the server restarts: the pool's connection timeout paces the next try.
                storeFailures.incrementAndGet();
            } catch (RuntimeException other) {
                otherFailures.add(other);
                return;
            }
        }
    }
}

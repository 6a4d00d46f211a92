package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** LISTEN/NOTIFY: appends made through one store object wake the listeners of another, as in another process. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeadNotificationTest {

    @Test
    void a_store_tells_its_listeners_of_appends_made_by_another_process() {
        var options = TestDatabase.newOptions();
        try (var writer = PostgresEventStore.open(TestDatabase.URL, options.withListen(false));
                var listener = PostgresEventStore.open(TestDatabase.URL, options)) {
            var heard = new AtomicLong();
            listener.addHeadListener(heard::set);
            writer.append(
                    "lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"), EventData.of("Dimmed", "{}"));

            await().atMost(Duration.ofSeconds(10)).untilAtomic(heard, org.hamcrest.Matchers.equalTo(2L));
        }
    }

    @Test
    void an_append_too_large_for_the_append_function_is_heard_too() {
        var options = TestDatabase.newOptions();
        try (var writer = PostgresEventStore.open(TestDatabase.URL, options.withListen(false));
                var listener = PostgresEventStore.open(TestDatabase.URL, options)) {
            var heard = new AtomicLong();
            listener.addHeadListener(heard::set);
            var events = java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> EventData.of("Lit", "{}"))
                    .toList();
            writer.append("lamp-1", ExpectedVersion.noStream(), events);

            await().atMost(Duration.ofSeconds(10)).untilAtomic(heard, org.hamcrest.Matchers.equalTo(100L));
        }
    }

    @Test
    void a_subscription_that_never_polls_is_woken_by_another_process_append() {
        var options = TestDatabase.newOptions();
        var seen = new CopyOnWriteArrayList<RecordedEvent>();
        try (var writer = PostgresEventStore.open(TestDatabase.URL, options.withListen(false));
                var reader = PostgresEventStore.open(TestDatabase.URL, options);
                var subscription = Subscription.start(
                        "woken",
                        reader,
                        new ReadSource.All(),
                        0,
                        SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1)),
                        seen::addAll)) {
            writer.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
            assertThat(seen.getFirst().stream()).isEqualTo("lamp-1");
            assertThat(subscription.failure()).isEmpty();
        }
    }
}

package dev.annals.client;

import dev.annals.client.internal.LiveHead;
import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over the client wake when the server commits an event, because the client follows the
 * server's live stream. Every subscription here polls once an hour, so an event that arrives within the
 * test's patience arrived by a notification, not by a poll.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final SubscriptionOptions HOURLY_POLLS =
            SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1));

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void close() throws Exception {
        for (var resource : opened.reversed()) {
            resource.close();
        }
        store.close();
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    @Test
    void a_subscription_over_the_client_wakes_for_an_event_any_writer_commits() {
        var server = open(AnnalsServer.start(store, ServerOptions.defaults().withPort(0)));
        var client = open(AnnalsClient.builder(server.uri()).build());
        var seen = new AtomicLong();
        var subscription = open(Subscription.start(
                "live",
                client,
                new ReadSource.All(),
                0,
                HOURLY_POLLS,
                events -> events.forEach(event -> seen.set(event.position()))));
        await().atMost(PATIENCE)
                .until(() -> subscription.processedThrough() >= 0
                        && client.capability(HeadNotifier.class)
                                .map(notifier -> ((LiveHead) notifier).following())
                                .orElse(false));

        client.append("note-1", ExpectedVersion.any(), EventData.of("Noted", "{}"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seen).hasValue(1));

        // Written beside the server, not through this client: the server's stream still tells it.
        store.append("note-2", ExpectedVersion.any(), EventData.of("Noted", "{}"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seen).hasValue(2));
    }

    @Test
    void a_command_through_the_client_reads_its_own_write_without_waiting_for_a_poll() {
        var server = open(AnnalsServer.start(store, ServerOptions.defaults().withPort(0)));
        var client = open(AnnalsClient.builder(server.uri()).build());
        var notes = EntityType.of("note", new Notes(), Notes.Noted.class);
        var count = new AtomicLong();
        var projection = Projection.<RecordedEvent>builder("notes")
                .source(new ReadSource.Category("note"))
                .events(notes.codec())
                .on(Notes.Noted.class, (event, recorded) -> count.incrementAndGet())
                .build();
        var runner = open(ProjectionRunner.start(
                projection,
                client,
                new InMemoryProjectionStore(),
                ProjectionOptions.defaults()
                        .withSubscription(HOURLY_POLLS)
                        .withMeterRegistry(new SimpleMeterRegistry())));
        var handler = notes.handler(client);

        for (int i = 1; i <= 8; i++) {
            var outcome = handler.handleAndAwait("note-" + i, new Notes.Noted("n" + i), PATIENCE, runner);

            assertThat(runner.processedThrough()).isGreaterThanOrEqualTo(outcome.position());
            assertThat(count).hasValue(i);
        }
    }

    @Test
    void a_client_told_not_to_follow_the_live_stream_offers_no_head_notifications() {
        var server = open(AnnalsServer.start(store, ServerOptions.defaults().withPort(0)));
        var client = open(AnnalsClient.builder(server.uri()).liveEvents(false).build());

        assertThat(client.capability(HeadNotifier.class)).isEmpty();
    }

    @Test
    void a_token_that_may_not_read_the_live_stream_falls_back_to_polling() {
        var tokens = TokenStore.in(directory);
        var writer = tokens.create(Role.WRITER, "note-");
        var server = open(AnnalsServer.start(store, ServerOptions.defaults().withPort(0), tokens));
        var client =
                open(AnnalsClient.builder(server.uri()).token(writer.secret()).build());
        var live = (LiveHead) client.capability(HeadNotifier.class).orElseThrow();
        var seen = new AtomicLong();
        open(Subscription.start(
                "polling",
                client,
                new ReadSource.Category("note"),
                0,
                SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(50)),
                events -> events.forEach(event -> seen.set(event.position()))));

        await().atMost(PATIENCE).until(() -> !live.following());
        client.append("note-1", ExpectedVersion.any(), EventData.of("Noted", "{}"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seen).hasValue(1));
    }

    /** Notes that are only ever added. */
    static final class Notes implements Decider<Notes.Noted, Long, Notes.Noted> {

        record Noted(String text) {}

        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Decision<Noted> decide(Noted command, Long state) {
            return Decision.accept(command);
        }

        @Override
        public Long evolve(Long state, Noted event) {
            return state + 1;
        }
    }
}

package dev.annals.server;

import dev.annals.decider.EntityTypes;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Projections, dead letters and temporal state over HTTP, with a real runner on the in-memory store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsRoutesTest {

    InMemoryEventStore store;
    InMemoryProjectionStore projections;
    ProjectionRunner<RecordedEvent> runner;
    AnnalsServer server;
    HttpTestClient http;
    final AtomicLong total = new AtomicLong();

    @BeforeEach
    void start() {
        store = new InMemoryEventStore();
        projections = new InMemoryProjectionStore();
        store.append("counter-1", ExpectedVersion.any(), CounterEvent.counted(5));
        store.append("counter-1", ExpectedVersion.any(), CounterEvent.poison("bad"));
        long last = store.append("counter-1", ExpectedVersion.any(), CounterEvent.counted(7))
                .position();
        var projection = Projection.<RecordedEvent>builder("totals")
                .source(new ReadSource.Category("counter"))
                .events(CounterEvent.CODEC)
                .on(CounterEvent.Counted.class, (event, recorded) -> total.addAndGet(event.amount()))
                .on(CounterEvent.Poison.class, (event, recorded) -> {
                    throw new IllegalStateException("refused: " + event.why());
                })
                .build();
        runner = ProjectionRunner.start(
                projection,
                store,
                projections,
                ProjectionOptions.defaults()
                        .withOnFailure(FailurePolicy.SKIP)
                        .withSleeper(wait -> {})
                        .withControlInterval(Duration.ofMillis(50)));
        runner.awaitPosition(last, Duration.ofSeconds(10));
        server = AnnalsServer.builder(store)
                .options(ServerOptions.defaults().withPort(0))
                .projections(projections)
                .entities(EntityTypes.of(CounterEvent.ENTITY))
                .start();
        http = new HttpTestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
        store.close();
    }

    @Test
    void lists_projections_with_their_lag() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var reply = http.get("/projections");
            assertThat(reply.json().get("projections").findValuesAsText("projection"))
                    .containsExactly("totals");
            assertThat(reply.json().get("projections").get(0).get("checkpoint").asLong())
                    .isEqualTo(3);
            assertThat(reply.json()
                            .get("projections")
                            .get(0)
                            .get("eventsBehind")
                            .asLong())
                    .isZero();
        });
    }

    @Test
    void pauses_and_resumes_a_projection() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !projections.health().isEmpty());

        assertThat(http.post("/projections/totals/pause", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.health().state() == ProjectionState.PAUSED);
        assertThat(http.post("/projections/totals/resume", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.health().state() == ProjectionState.RUNNING);
        assertThat(http.post("/projections/nope/pause", "").status()).isEqualTo(404);
        assertThat(http.post("/projections/totals/rebuild?mode=sideways", "").status())
                .isEqualTo(400);
    }

    @Test
    void lists_and_skips_a_dead_letter() {
        var letters = http.get("/dead-letters?projection=totals").json().get("deadLetters");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("eventType").asText()).isEqualTo("Poison");
        assertThat(letters.get(0).get("error").asText()).contains("refused: bad");
        long id = letters.get(0).get("id").asLong();

        assertThat(http.post("/dead-letters/" + id + "/skip", "").status()).isEqualTo(202);

        assertThat(projections.deadLetters(Optional.of("totals"))).isEmpty();
        assertThat(http.post("/dead-letters/" + id + "/retry", "").status()).isEqualTo(404);
        assertThat(http.post("/dead-letters/abc/retry", "").status()).isEqualTo(400);
    }

    @Test
    void retries_a_dead_letter_on_request() {
        long id = projections.deadLetters(Optional.empty()).getFirst().id();

        var reply = http.post("/dead-letters/" + id + "/retry", "");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("requested").asText()).isEqualTo("retry");
    }

    @Test
    void serves_an_entitys_state_now_and_at_a_version() {
        var now = http.get("/state/counter-1");
        var atFirst = http.get("/state/counter-1?version=0");

        assertThat(now.json().get("state").asLong()).isEqualTo(12);
        assertThat(atFirst.json().get("state").asLong()).isEqualTo(5);
        assertThat(http.get("/state/counter-1?version=9").status()).isEqualTo(404);
        assertThat(http.get("/state/order-1").json().get("error").asText()).isEqualTo("unknown_entity_type");
        assertThat(http.get("/state/counter-1?at=yesterday").status()).isEqualTo(400);
    }
}

package dev.annals.projection;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionRunnerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryProjectionStore target = new InMemoryProjectionStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicLong total = new AtomicLong();
    private final Set<UUID> applied = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusals = new AtomicInteger();
    private ProjectionRunner<RecordedEvent> runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    private Projection<RecordedEvent> tally() {
        return Projection.<RecordedEvent>builder("tally")
                .source(new ReadSource.Category("tally"))
                .events(TallyEvent.CODEC)
                .on(TallyEvent.Added.class, (event, recorded) -> {
                    // Idempotent by event id, as a read model outside a transaction must be.
                    if (applied.add(recorded.eventId())) {
                        total.addAndGet(event.amount());
                    }
                })
                .on(TallyEvent.Refused.class, (event, recorded) -> {
                    refusals.incrementAndGet();
                    throw new IllegalStateException("refused: " + event.why());
                })
                .build();
    }

    private ProjectionOptions options(FailurePolicy policy) {
        return ProjectionOptions.defaults()
                .withOnFailure(policy)
                .withSleeper(waits::add)
                .withControlInterval(Duration.ofMillis(50))
                .withMeterRegistry(meters);
    }

    private long append(String stream, dev.annals.event.EventData event) {
        return store.append(stream, ExpectedVersion.any(), event).position();
    }

    @Test
    void applies_typed_events_in_order_and_stores_the_checkpoint() {
        append("tally-1", TallyEvent.added(5));
        append("other-1", TallyEvent.added(1000));
        runner = ProjectionRunner.start(tally(), store, target, options(FailurePolicy.SKIP));
        long last = append("tally-2", TallyEvent.added(7));

        runner.awaitPosition(last, Duration.ofSeconds(5));

        assertThat(total).hasValue(12);
        assertThat(target.checkpoint("tally")).isEqualTo(last);
    }

    @Test
    void parks_a_poison_event_after_its_retries_and_goes_on_with_the_others() {
        append("tally-1", TallyEvent.added(1));
        long poison = append("tally-1", TallyEvent.refused("bad"));
        long last = append("tally-1", TallyEvent.added(2));
        runner = ProjectionRunner.start(tally(), store, target, options(FailurePolicy.SKIP));

        runner.awaitPosition(last, Duration.ofSeconds(5));

        assertThat(total).hasValue(3);
        assertThat(refusals).hasValue(RetrySchedule.defaults().maxAttempts());
        assertThat(waits).hasSize(RetrySchedule.defaults().maxAttempts() - 1);
        assertThat(waits.get(1)).isGreaterThan(waits.get(0).multipliedBy(1));
        var letters = target.deadLetters(Optional.of("tally"));
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.position()).isEqualTo(poison);
            assertThat(letter.eventType()).isEqualTo("Refused");
            assertThat(letter.attempts()).isEqualTo(5);
            assertThat(letter.error()).contains("refused: bad");
            assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
        });
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(meters.get("annals.projection.dead.letters")
                                .tag("projection", "tally")
                                .gauge()
                                .value())
                        .isEqualTo(1.0));
    }

    @Test
    void stops_on_a_poison_event_under_the_stop_policy_and_goes_on_once_it_is_skipped() {
        append("tally-1", TallyEvent.added(1));
        long poison = append("tally-1", TallyEvent.refused("bad"));
        long last = append("tally-1", TallyEvent.added(2));
        runner = ProjectionRunner.start(tally(), store, target, options(FailurePolicy.STOP));

        await().atMost(Duration.ofSeconds(5)).until(() -> runner.health().state() == ProjectionState.STOPPED_ON_ERROR);
        assertThat(total).hasValue(1);
        assertThat(target.checkpoint("tally")).isEqualTo(poison - 1);
        assertThatThrownBy(() -> runner.awaitPosition(last, Duration.ofMillis(100)))
                .isInstanceOf(ProjectionLagException.class)
                .hasMessageContaining("STOPPED_ON_ERROR")
                .satisfies(e -> assertThat(((ProjectionLagException) e).health().eventsBehind())
                        .isEqualTo(2));

        target.skip(target.deadLetters(Optional.empty()).getFirst().id());

        runner.awaitPosition(last, Duration.ofSeconds(5));
        assertThat(total).hasValue(3);
        assertThat(runner.health().state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void delivers_a_parked_event_again_when_a_retry_is_requested() {
        var refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        var projection = Projection.<RecordedEvent>builder("flaky")
                .source(new ReadSource.Category("tally"))
                .events(TallyEvent.CODEC)
                .on(TallyEvent.Added.class, (event, recorded) -> {
                    if (refuse.get() && event.amount() == 13) {
                        throw new IllegalStateException("unlucky");
                    }
                    total.addAndGet(event.amount());
                })
                .build();
        append("tally-1", TallyEvent.added(13));
        long last = append("tally-1", TallyEvent.added(1));
        runner = ProjectionRunner.start(projection, store, target, options(FailurePolicy.SKIP));
        runner.awaitPosition(last, Duration.ofSeconds(5));
        long id = target.deadLetters(Optional.of("flaky")).getFirst().id();

        refuse.set(false);
        target.requestRetry(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> total.get() == 14);
        assertThat(target.deadLetter(id)).get().extracting(DeadLetter::status).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(target.deadLetters(Optional.empty())).isEmpty();
    }

    @Test
    void pauses_and_resumes_on_request() {
        runner = ProjectionRunner.start(tally(), store, target, options(FailurePolicy.SKIP));
        runner.awaitPosition(0, Duration.ofSeconds(1));
        target.pause("tally");
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.lastHealth().state() == ProjectionState.PAUSED);
        long position = append("tally-1", TallyEvent.added(4));

        assertThatThrownBy(() -> runner.awaitPosition(position, Duration.ofMillis(200)))
                .isInstanceOf(ProjectionLagException.class);
        assertThat(total).hasValue(0);

        target.resume("tally");
        runner.awaitPosition(position, Duration.ofSeconds(5));
        assertThat(total).hasValue(4);
    }

    @Test
    void reports_lag_in_events_and_seconds_and_reaches_zero_when_caught_up() {
        runner = ProjectionRunner.start(tally(), store, target, options(FailurePolicy.SKIP));
        long last = append("tally-1", TallyEvent.added(1));
        append("other-1", TallyEvent.added(1));
        runner.awaitPosition(last + 1, Duration.ofSeconds(5));

        var health = runner.health();
        assertThat(health.eventsBehind()).isZero();
        assertThat(health.secondsBehind()).isZero();
        assertThat(health.headPosition()).isEqualTo(last + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> target.health().stream()
                .anyMatch(reported -> reported.projection().equals("tally") && reported.checkpoint() == last));
    }
}

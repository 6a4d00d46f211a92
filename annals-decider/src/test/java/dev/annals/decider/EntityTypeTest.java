package dev.annals.decider;

import dev.annals.backend.Deployment;
import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.event.RecordedEvent;
import dev.annals.snapshot.InMemorySnapshotStore;
import dev.annals.snapshot.SnapshotPolicy;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.subscription.PositionAwaiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntityTypeTest {

    private static final EntityType<Counter.Command, Counter.Count, Counter.Event> COUNTERS =
            EntityType.of("counter", new Counter(), Counter.Event.class);

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void is_declared_in_one_line_from_its_decider_and_event_interface() {
        var outcome = COUNTERS.handler(store).handle("counter-1", new Counter.Increment(2));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.events()).containsExactly(new Counter.Incremented(2));
        try (var events = store.readStream("counter-1")) {
            assertThat(events.map(RecordedEvent::type)).containsExactly("Incremented");
        }
        assertThat(COUNTERS.codec().registry().types()).hasSize(2);
    }

    @Test
    void refuses_a_command_to_a_stream_of_another_category_and_writes_nothing() {
        assertThatThrownBy(() -> COUNTERS.handler(store).handle("member-7", new Counter.Increment(2)))
                .isInstanceOfSatisfying(WrongCategoryException.class, e -> {
                    assertThat(e.stream()).isEqualTo("member-7");
                    assertThat(e.category()).isEqualTo("counter");
                })
                .hasMessage("stream 'member-7' is not in category 'counter': this entity type handles only streams "
                        + "named 'counter-ID' (it was given one of category 'member')");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void refuses_a_stream_whose_name_only_starts_like_the_category() {
        assertThatThrownBy(() -> COUNTERS.handler(store).handle("counters-1", new Counter.Increment(2)))
                .isInstanceOf(WrongCategoryException.class)
                .hasMessageContaining("of category 'counters'");
    }

    @Test
    void an_outcome_gives_its_position_without_a_pattern_match() {
        var handler = COUNTERS.handler(store);
        var accepted = handler.handle("counter-1", new Counter.Increment(9));
        var rejected = handler.handle("counter-1", new Counter.Increment(5));

        assertThat(accepted.position()).isEqualTo(1);
        assertThat(accepted.streamVersion()).isZero();
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.position()).isEqualTo(1);
        assertThat(rejected.streamVersion()).isZero();
        assertThat(rejected.events()).isEmpty();
    }

    @Test
    void handle_and_await_waits_for_each_read_side_to_reach_the_outcomes_position() {
        var asked = new CopyOnWriteArrayList<String>();
        PositionAwaiter first = awaiter("first", asked);
        PositionAwaiter second = awaiter("second", asked);
        COUNTERS.handler(store).handle("counter-9", new Counter.Increment(1));

        var outcome = COUNTERS.handler(store)
                .handleAndAwait("counter-1", new Counter.Increment(2), Duration.ofSeconds(5), first, second);

        assertThat(outcome.position()).isEqualTo(2);
        assertThat(asked).containsExactly("first@2", "second@2");
    }

    @Test
    void handle_and_await_does_not_wait_after_a_rejection() {
        var asked = new CopyOnWriteArrayList<String>();

        var outcome = COUNTERS.handler(store)
                .handleAndAwait("counter-1", new Counter.Increment(50), Duration.ofSeconds(5), awaiter("p", asked));

        assertThat(outcome.accepted()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void a_snapshot_policy_on_the_type_uses_the_deployments_snapshot_store() {
        var snapshots = new InMemorySnapshotStore();
        var counters = COUNTERS.withSnapshots(Counter.Count.class, 1, SnapshotPolicy.every(2));
        try (var deployment = Deployment.builder("a test store", store)
                .capability(SnapshotStore.class, () -> snapshots)
                .build()) {
            var handler = counters.handler(deployment);
            handler.handle("counter-1", new Counter.Increment(1));
            handler.handle("counter-1", new Counter.Increment(1));
            handler.handle("counter-1", new Counter.Increment(1));

            assertThat(snapshots.list("counter-1")).singleElement().satisfies(snapshot -> assertThat(snapshot.state())
                    .isEqualTo("{\"value\":2}"));
        }
    }

    @Test
    void a_snapshot_policy_needs_a_deployment_that_keeps_snapshots() {
        var counters = COUNTERS.withSnapshots(Counter.Count.class, 1, SnapshotPolicy.every(2));
        try (var deployment = Deployment.builder("the Annals server at http://127.0.0.1:1/", store)
                .build()) {
            assertThatThrownBy(() -> counters.handler(deployment))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageStartingWith("the Annals server at http://127.0.0.1:1/ has no snapshot store");
        }
        assertThat(COUNTERS.handler(store)).isNotNull();
    }

    private static PositionAwaiter awaiter(String name, List<String> asked) {
        return new PositionAwaiter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void awaitPosition(long position, Duration timeout) {
                asked.add(name + "@" + position);
            }
        };
    }
}

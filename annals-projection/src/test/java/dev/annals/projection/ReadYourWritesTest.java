package dev.annals.projection;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's read-your-writes (handleAndAwait) against a real runner: the decider tests use stand-ins. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadYourWritesTest {

    sealed interface TallyCommand {}

    record Add(int amount) implements TallyCommand {}

    sealed interface Tallied {}

    record Added(int amount) implements Tallied {}

    /** A tally that accepts every positive amount. */
    static final class Tally implements Decider<TallyCommand, Integer, Tallied> {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Decision<Tallied> decide(TallyCommand command, Integer total) {
            return switch (command) {
                case Add add when add.amount() <= 0 -> Decision.reject("amount must be positive");
                case Add add -> Decision.accept(new Added(add.amount()));
            };
        }

        @Override
        public Integer evolve(Integer total, Tallied event) {
            return switch (event) {
                case Added added -> total + added.amount();
            };
        }
    }

    private static final EntityType<TallyCommand, Integer, Tallied> TALLIES =
            EntityType.of("tally", new Tally(), Tallied.class);

    @Test
    void handle_and_await_returns_once_a_projection_runner_has_processed_the_write() {
        var store = new InMemoryEventStore();
        var seen = new AtomicInteger();
        var projection = Projection.<RecordedEvent>builder("tallies")
                .source(new ReadSource.Category("tally"))
                .events(TALLIES.codec())
                .on(Added.class, (event, recorded) -> seen.addAndGet(event.amount()))
                .build();
        try (var runner = ProjectionRunner.start(
                projection, store, new InMemoryProjectionStore(), ProjectionOptions.defaults())) {
            var outcome = TALLIES.handler(store).handleAndAwait("tally-1", new Add(3), Duration.ofSeconds(10), runner);

            assertThat(runner.processedThrough()).isGreaterThanOrEqualTo(outcome.position());
            assertThat(seen).hasValue(3);
        }
    }
}

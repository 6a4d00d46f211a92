package dev.annals.decider;

import dev.annals.store.AppendLimits;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateLoaderTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-11-25T11:00:00Z");

    private final SetClock clock = new SetClock();
    private final InMemoryEventStore store = new InMemoryEventStore(AppendLimits.defaults(), clock);
    private final CommandHandler<Counter.Command, Counter.Count, Counter.Event> handler =
            new CommandHandler<>(store, new Counter(), Counter.CODEC);
    private final StateLoader<Counter.Count, Counter.Event> states =
            new StateLoader<>(store, new Counter(), Counter.CODEC);

    StateLoaderTest() {
        clock.now = NINE;
        handler.handle("other-1", new Counter.Increment(1));
        handler.handle("counter-1", new Counter.Increment(1));
        clock.now = TEN;
        handler.handle("counter-1", new Counter.Increment(2));
        clock.now = ELEVEN;
        handler.handle("counter-1", new Counter.Increment(4));
    }

    @Test
    void the_current_state_is_the_fold_of_the_whole_stream() {
        assertThat(states.current("counter-1")).isEqualTo(new FoldedState<>("counter-1", new Counter.Count(7), 2, 4));
    }

    @Test
    void the_state_at_an_instant_folds_the_events_recorded_until_then_inclusive() {
        assertThat(states.stateAt("counter-1", TEN))
                .isEqualTo(new FoldedState<>("counter-1", new Counter.Count(3), 1, 3));
        assertThat(states.stateAt("counter-1", TEN.minusNanos(1000)))
                .isEqualTo(new FoldedState<>("counter-1", new Counter.Count(1), 0, 2));
    }

    @Test
    void before_the_first_event_the_state_is_the_initial_one_at_version_minus_one() {
        var folded = states.stateAt("counter-1", NINE.minusSeconds(1));

        assertThat(folded).isEqualTo(new FoldedState<>("counter-1", new Counter.Count(0), -1, 0));
        assertThat(folded.isInitial()).isTrue();
    }

    @Test
    void the_state_at_a_version_folds_the_events_up_to_and_including_it() {
        assertThat(states.stateAtVersion("counter-1", 0))
                .isEqualTo(new FoldedState<>("counter-1", new Counter.Count(1), 0, 2));
        assertThat(states.stateAtVersion("counter-1", 2)).isEqualTo(states.current("counter-1"));
    }

    @Test
    void a_version_the_stream_has_not_reached_is_an_error_naming_the_current_version() {
        assertThatThrownBy(() -> states.stateAtVersion("counter-1", 3))
                .isInstanceOfSatisfying(VersionNotReachedException.class, e -> {
                    assertThat(e.requested()).isEqualTo(3);
                    assertThat(e.current()).isEqualTo(2);
                })
                .hasMessage("stream 'counter-1' has no version 3; its current version is 2");
    }

    /** A clock the test sets by hand: a true seam, the store's commit clock. */
    private static final class SetClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

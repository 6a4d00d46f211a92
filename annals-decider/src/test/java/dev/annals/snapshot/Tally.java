package dev.annals.snapshot;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import java.util.ArrayList;
import java.util.List;

/** A small entity for snapshot tests: a running sum, a count and the last three amounts. */
record Tally(long sum, int count, List<Integer> recent) {

    sealed interface Event {}

    record Added(int amount) implements Event {}

    record Reset() implements Event {}

    static final EventCodec<Event> CODEC = new EventCodec<>(EventTypeRegistry.builder(Event.class)
            .register(Added.class, "Added")
            .register(Reset.class, "Reset")
            .build());

    static final Decider<Event, Tally, Event> DECIDER = new Decider<>() {
        @Override
        public Tally initialState() {
            return new Tally(0, 0, List.of());
        }

        @Override
        public Decision<Event> decide(Event command, Tally state) {
            return Decision.accept(command);
        }

        @Override
        public Tally evolve(Tally state, Event event) {
            return switch (event) {
                case Added added -> {
                    var recent = new ArrayList<>(state.recent());
                    recent.add(added.amount());
                    yield new Tally(
                            state.sum() + added.amount(),
                            state.count() + 1,
                            List.copyOf(recent.subList(Math.max(0, recent.size() - 3), recent.size())));
                }
                case Reset reset -> new Tally(0, state.count() + 1, List.of());
            };
        }
    };
}

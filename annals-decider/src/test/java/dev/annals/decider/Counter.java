package dev.annals.decider;

import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** A tiny decider for the decider tests: a counter that may not pass {@link #LIMIT}. */
final class Counter implements Decider<Counter.Command, Counter.Count, Counter.Event> {

    static final int LIMIT = 10;
    static final EventCodec<Event> CODEC = new EventCodec<>(EventTypeRegistry.builder(Event.class)
            .register(Incremented.class, "Incremented")
            .register(WasReset.class, "WasReset")
            .build());

    sealed interface Command {}

    record Increment(int by) implements Command {}

    record Reset() implements Command {}

    sealed interface Event {}

    record Incremented(int by) implements Event {}

    record WasReset() implements Event {}

    record Count(int value) {}

    @Override
    public Count initialState() {
        return new Count(0);
    }

    @Override
    public Decision<Event> decide(Command command, Count state) {
        return switch (command) {
            case Increment increment when increment.by() <= 0 -> Decision.reject("increment must be positive");
            case Increment increment
            when state.value() + increment.by() > LIMIT -> Decision.reject("count would pass " + LIMIT);
            case Increment increment -> Decision.accept(new Incremented(increment.by()));
            case Reset reset -> state.value() == 0 ? Decision.accept() : Decision.accept(new WasReset());
        };
    }

    @Override
    public Count evolve(Count state, Event event) {
        return switch (event) {
            case Incremented incremented -> new Count(state.value() + incremented.by());
            case WasReset reset -> new Count(0);
        };
    }
}

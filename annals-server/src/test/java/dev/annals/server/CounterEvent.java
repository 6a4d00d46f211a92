package dev.annals.server;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** Test events of a counter entity: amounts counted, and one a projection's handler refuses. */
sealed interface CounterEvent {

    EventCodec<CounterEvent> CODEC = new EventCodec<>(EventTypeRegistry.builder(CounterEvent.class)
            .register(Counted.class, "Counted")
            .register(Poison.class, "Poison")
            .build());

    /** The counter entity: its state is the sum of what was counted; it takes no commands in these tests. */
    EntityType<Long, Long, CounterEvent> ENTITY = new EntityType<>(
            "counter",
            new Decider<>() {
                @Override
                public Long initialState() {
                    return 0L;
                }

                @Override
                public Decision<CounterEvent> decide(Long command, Long state) {
                    return Decision.accept(new Counted(command));
                }

                @Override
                public Long evolve(Long state, CounterEvent event) {
                    return event instanceof Counted(long amount) ? state + amount : state;
                }
            },
            CODEC);

    record Counted(long amount) implements CounterEvent {}

    record Poison(String why) implements CounterEvent {}

    static EventData counted(long amount) {
        return CODEC.encode(new Counted(amount), Metadata.empty());
    }

    static EventData poison(String why) {
        return CODEC.encode(new Poison(why), Metadata.empty());
    }
}

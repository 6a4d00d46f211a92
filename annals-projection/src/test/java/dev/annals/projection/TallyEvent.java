package dev.annals.projection;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** Test events for projections: amounts added to a tally, and one its handler refuses. */
sealed interface TallyEvent {

    EventCodec<TallyEvent> CODEC = new EventCodec<>(EventTypeRegistry.builder(TallyEvent.class)
            .register(Added.class, "Added")
            .register(Refused.class, "Refused")
            .build());

    record Added(long amount) implements TallyEvent {}

    record Refused(String why) implements TallyEvent {}

    static EventData added(long amount) {
        return CODEC.encode(new Added(amount), Metadata.empty());
    }

    static EventData refused(String why) {
        return CODEC.encode(new Refused(why), Metadata.empty());
    }
}

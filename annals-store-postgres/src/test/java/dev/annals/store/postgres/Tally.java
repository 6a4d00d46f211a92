package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.projection.Projection;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;

import java.util.List;

/** A test read model: the sum of the amounts added to each stream of category {@code tally}. */
final class Tally {

    sealed interface Event {
    }

    record Added(long amount) implements Event {
    }

    record Refused(String why) implements Event {
    }

    static final EventCodec<Event> CODEC = new EventCodec<>(EventTypeRegistry.builder(Event.class)
            .register(Added.class, "Added")
            .register(Refused.class, "Refused")
            .build());

    static final List<ReadModelTable> TABLES = List.of(
            ReadModelTable.of("tallies", "stream TEXT PRIMARY KEY, total BIGINT NOT NULL"));

    private Tally() {
    }

    static EventData added(long amount) {
        return CODEC.encode(new Added(amount), Metadata.empty());
    }

    static EventData refused(String why) {
        return CODEC.encode(new Refused(why), Metadata.empty());
    }

    static Projection<SqlContext> projection(String name) {
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.Category("tally"))
                .events(CODEC)
                .on(Added.class, (event, tx) -> tx.update("INSERT INTO {tallies} (stream, total) VALUES (?, ?)"
                        + " ON CONFLICT (stream) DO UPDATE SET total = {tallies}.total + excluded.total",
                        tx.event().stream(), event.amount()))
                .on(Refused.class, (event, tx) -> {
                    throw new IllegalStateException("refused: " + event.why());
                })
                .build();
    }
}

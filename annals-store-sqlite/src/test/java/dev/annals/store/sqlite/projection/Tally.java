package dev.annals.store.sqlite.projection;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.projection.Projection;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;

import java.util.List;

/** A test read model on SQLite: the sum of the amounts added to each stream of category {@code tally}. */
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
            ReadModelTable.of("tallies", "stream TEXT PRIMARY KEY, total INTEGER NOT NULL, events INTEGER NOT NULL"));

    private Tally() {
    }

    static EventData added(long amount) {
        return CODEC.encode(new Added(amount), Metadata.empty());
    }

    static EventData refused(String why) {
        return CODEC.encode(new Refused(why), Metadata.empty());
    }

    /** The projection, with {@code beforeEach} run before each Added is applied (a hook for tests). */
    static Projection<SqlContext> projection(String name, Hook beforeEach) {
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.Category("tally"))
                .events(CODEC)
                .on(Added.class, (event, tx) -> {
                    beforeEach.run(tx);
                    tx.update("INSERT INTO {tallies} (stream, total, events) VALUES (?, ?, 1) ON CONFLICT (stream)"
                            + " DO UPDATE SET total = total + excluded.total, events = events + 1",
                            tx.event().stream(), event.amount());
                })
                .on(Refused.class, (event, tx) -> {
                    throw new IllegalStateException("refused: " + event.why());
                })
                .build();
    }

    static Projection<SqlContext> projection(String name) {
        return projection(name, tx -> { });
    }

    @FunctionalInterface
    interface Hook {
        void run(SqlContext tx) throws Exception;
    }
}

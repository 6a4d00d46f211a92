package dev.annals.store.jdbc.projection;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.projection.Projection;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ReadSource;
import java.util.List;
import java.util.function.LongFunction;

/** A test read model for every JDBC backend (portable SQL): the sum of the amounts added to each stream of category {@code tally}. */
public final class Tally {

    public sealed interface Event {}

    public record Added(long amount) implements Event {}

    public record Refused(String why) implements Event {}

    /** An event whose write, queued in a batch, fails when the batch runs (a NULL total). */
    public record Poisoned(String why) implements Event {}

    public static final EventCodec<Event> CODEC = new EventCodec<>(EventTypeRegistry.builder(Event.class)
            .register(Added.class, "Added")
            .register(Refused.class, "Refused")
            .register(Poisoned.class, "Poisoned")
            .build());

    public static final List<ReadModelTable> TABLES = List.of(
            ReadModelTable.of("tallies", "stream TEXT PRIMARY KEY, total BIGINT NOT NULL, events BIGINT NOT NULL"));

    private Tally() {}

    public static EventData added(long amount) {
        return CODEC.encode(new Added(amount), Metadata.empty());
    }

    public static EventData refused(String why) {
        return CODEC.encode(new Refused(why), Metadata.empty());
    }

    public static EventData poisoned(String why) {
        return CODEC.encode(new Poisoned(why), Metadata.empty());
    }

    private static final String UPSERT = "INSERT INTO {tallies} (stream, total, events) VALUES (?, ?, ?)"
            + " ON CONFLICT (stream) DO UPDATE SET total = {tallies}.total + excluded.total,"
            + " events = {tallies}.events + excluded.events";

    /**
     * The same read model written with {@link SqlContext#batch}: a Refused event's handler throws, and a
     * Poisoned event's queued write (a NULL total) fails only when its batch runs.
     */
    public static Projection<SqlContext> batched(String name) {
        return queued(name, amount -> amount);
    }

    /**
     * As {@link #batched}, with the amount and the count passed as {@link Addend}s, so that a batch's rows of
     * one stream merge; a Poisoned event's row (no addend for its total) runs apart from them and fails.
     */
    public static Projection<SqlContext> additive(String name) {
        return queued(name, Addend::of);
    }

    /** The batched projection, with the amounts written as {@code parameter} makes them. */
    private static Projection<SqlContext> queued(String name, LongFunction<Object> parameter) {
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.Category("tally"))
                .events(CODEC)
                .on(
                        Added.class,
                        (event, tx) -> tx.batch(
                                UPSERT, tx.event().stream(), parameter.apply(event.amount()), parameter.apply(1)))
                .on(Refused.class, (event, tx) -> {
                    throw new IllegalStateException("refused: " + event.why());
                })
                .on(Poisoned.class, (event, tx) -> tx.batch(UPSERT, tx.event().stream(), null, parameter.apply(1)))
                .build();
    }

    /** The projection, with {@code beforeEach} run before each Added is applied (a hook for tests). */
    public static Projection<SqlContext> projection(String name, Hook beforeEach) {
        return Projection.<SqlContext>builder(name)
                .source(new ReadSource.Category("tally"))
                .events(CODEC)
                .on(Added.class, (event, tx) -> {
                    beforeEach.run(tx);
                    tx.update(
                            "INSERT INTO {tallies} (stream, total, events) VALUES (?, ?, 1) ON CONFLICT (stream)"
                                    + " DO UPDATE SET total = {tallies}.total + excluded.total, events = {tallies}.events + 1",
                            tx.event().stream(),
                            event.amount());
                })
                .on(Refused.class, (event, tx) -> {
                    throw new IllegalStateException("refused: " + event.why());
                })
                .build();
    }

    public static Projection<SqlContext> projection(String name) {
        return projection(name, tx -> {});
    }

    @FunctionalInterface
    public interface Hook {
        void run(SqlContext tx) throws Exception;
    }
}

package dev.annals.snapshot;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.StateLoader;
import dev.annals.event.EventData;
import dev.annals.serialization.EventJson;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** States a team writes (dates in them) snapshot; a state that cannot is counted, not only logged. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotFailuresTest {

    /** The state of a tally that also remembers the day of its last event. */
    record Dated(long sum, LocalDate lastOn) {}

    /** A state Jackson cannot write: it holds an object with no properties. */
    record Opaque(long sum, Object handle) {}

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshotStore = new InMemorySnapshotStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static <S> Decider<Tally.Event, S, Tally.Event> folding(
            S initial, java.util.function.BiFunction<S, Integer, S> add) {
        return new Decider<>() {
            @Override
            public S initialState() {
                return initial;
            }

            @Override
            public Decision<Tally.Event> decide(Tally.Event command, S state) {
                return Decision.accept(command);
            }

            @Override
            public S evolve(S state, Tally.Event event) {
                return event instanceof Tally.Added added ? add.apply(state, added.amount()) : state;
            }
        };
    }

    private <S> StateLoader<S, Tally.Event> loader(Class<S> type, Decider<Tally.Event, S, Tally.Event> decider) {
        var settings = new SnapshotSettings<>(type, 1, SnapshotPolicy.every(2), EventJson.mapper());
        return new StateLoader<>(
                store, decider, Tally.CODEC, new Snapshots<>(settings, snapshotStore, Clock.systemUTC(), meters));
    }

    private void add(int... amounts) {
        for (int amount : amounts) {
            store.append("tally-1", ExpectedVersion.any(), EventData.of("Added", "{\"amount\":" + amount + "}"));
        }
    }

    @Test
    void a_state_holding_a_date_is_saved_and_restored() {
        var dated = folding(
                new Dated(0, LocalDate.EPOCH),
                (state, amount) -> new Dated(state.sum() + amount, LocalDate.of(2026, 1, amount)));
        add(3, 4);

        loader(Dated.class, dated).current("tally-1");

        assertThat(snapshotStore.list("tally-1")).singleElement().satisfies(snapshot -> assertThat(snapshot.state())
                .isEqualTo("{\"sum\":7,\"lastOn\":\"2026-01-04\"}"));
        assertThat(loader(Dated.class, dated).current("tally-1").state())
                .isEqualTo(new Dated(7, LocalDate.of(2026, 1, 4)));
    }

    @Test
    void a_state_that_cannot_be_written_is_counted_and_the_load_still_answers() {
        var opaque = folding(
                new Opaque(0, new Object()), (state, amount) -> new Opaque(state.sum() + amount, state.handle()));
        add(3, 4);

        var loaded = loader(Opaque.class, opaque).current("tally-1");

        assertThat(loaded.state().sum()).isEqualTo(7);
        assertThat(snapshotStore.list("tally-1")).isEmpty();
        assertThat(meters.get(Snapshots.FAILURES)
                        .tag("category", "tally")
                        .tag("operation", "save")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void a_snapshot_that_does_not_read_back_is_counted() {
        add(3);
        snapshotStore.save(new Snapshot("tally-1", 0, 1, 1, "{\"total\":3}", java.time.Instant.EPOCH));
        var dated = folding(
                new Dated(0, LocalDate.EPOCH), (state, amount) -> new Dated(state.sum() + amount, state.lastOn()));

        assertThat(loader(Dated.class, dated).current("tally-1").state().sum()).isEqualTo(3);
        assertThat(meters.get(Snapshots.FAILURES)
                        .tag("operation", "restore")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void settings_name_the_state_that_does_not_encode() {
        var settings = new SnapshotSettings<>(Opaque.class, 3, SnapshotPolicy.every(1), EventJson.mapper());

        assertThatThrownBy(() -> settings.write(new Opaque(1, new Object())))
                .isInstanceOf(SnapshotEncodingException.class)
                .hasMessageStartingWith("the state Opaque v3 does not encode as JSON: ");
    }
}

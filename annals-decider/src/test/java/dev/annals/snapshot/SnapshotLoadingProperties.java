package dev.annals.snapshot;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.RetryPolicy;
import dev.annals.decider.StateLoader;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotLoadingProperties {

    @Property(tries = 200)
    void state_with_snapshots_equals_state_without_for_random_histories(
            @ForAll("histories") List<Tally.Event> history,
            @ForAll @IntRange(min = 1, max = 7) int everyEvents,
            @ForAll @IntRange(min = 1, max = 5) int loadEvery) {
        try (var store = new InMemoryEventStore()) {
            var snapshotStore = new InMemorySnapshotStore();
            var snapshots = new Snapshots<>(Tally.class, 1, SnapshotPolicy.every(everyEvents), snapshotStore);
            var handler = new CommandHandler<>(store, Tally.DECIDER, Tally.CODEC, RetryPolicy.defaults(), snapshots);
            var plain = new StateLoader<>(store, Tally.DECIDER, Tally.CODEC);
            var withSnapshots = new StateLoader<>(store, Tally.DECIDER, Tally.CODEC, snapshots);

            for (int i = 0; i < history.size(); i++) {
                handler.handle("tally-1", history.get(i));
                if (i % loadEvery == 0) {
                    assertThat(withSnapshots.current("tally-1")).isEqualTo(plain.current("tally-1"));
                }
            }

            assertThat(withSnapshots.current("tally-1")).isEqualTo(plain.current("tally-1"));
            if (history.size() >= everyEvents) {
                assertThat(snapshotStore.list("tally-1")).isNotEmpty();
            }
        }
    }

    @Provide
    Arbitrary<List<Tally.Event>> histories() {
        // About one event in twenty is a reset; the rest add an amount.
        Arbitrary<Tally.Event> event = Arbitraries.integers()
                .between(-1000, 1100)
                .map(amount -> amount > 1000 ? new Tally.Reset() : new Tally.Added(amount));
        return event.list().ofMaxSize(40);
    }
}

package dev.annals.snapshot;

import dev.annals.decider.FoldedState;
import dev.annals.decider.StateLoader;
import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotsTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshotStore = new InMemorySnapshotStore();

    private void add(int... amounts) {
        for (int amount : amounts) {
            store.append("tally-1", ExpectedVersion.any(), EventData.of("Added", "{\"amount\":" + amount + "}"));
        }
    }

    private StateLoader<Tally, Tally.Event> loader(int stateVersion, int everyEvents) {
        return new StateLoader<>(
                store,
                Tally.DECIDER,
                Tally.CODEC,
                new Snapshots<>(Tally.class, stateVersion, SnapshotPolicy.every(everyEvents), snapshotStore));
    }

    @Test
    void a_load_saves_a_snapshot_when_the_policy_says_so_and_the_next_load_starts_from_it() {
        add(1, 2, 3);

        var first = loader(1, 3).current("tally-1");

        assertThat(snapshotStore.list("tally-1")).singleElement().satisfies(snapshot -> assertThat(snapshot.version())
                .isEqualTo(2));
        add(4);
        assertThat(loader(1, 3).current("tally-1").state()).isEqualTo(new Tally(10, 4, List.of(2, 3, 4)));
        assertThat(first.state().sum()).isEqualTo(6);
    }

    @Test
    void a_snapshot_of_another_state_version_is_never_used() {
        add(1, 2);
        // A snapshot of an older shape of the state, with a sum no fold would give.
        snapshotStore.save(new Snapshot("tally-1", 1, 2, 1, "{\"sum\":999,\"count\":2,\"recent\":[]}", Instant.EPOCH));

        var loaded = loader(2, 100).current("tally-1");

        assertThat(loaded).isEqualTo(new FoldedState<>("tally-1", new Tally(3, 2, List.of(1, 2)), 1, 2));
    }

    @Test
    void a_snapshot_that_does_not_decode_is_ignored() {
        add(5);
        snapshotStore.save(new Snapshot("tally-1", 0, 1, 1, "{\"total\":5}", Instant.EPOCH));

        assertThat(loader(1, 100).current("tally-1").state()).isEqualTo(new Tally(5, 1, List.of(5)));
    }

    @Test
    void drop_removes_every_snapshot_of_the_stream() {
        add(1, 2, 3, 4);
        loader(1, 1).current("tally-1");
        snapshotStore.save(new Snapshot("tally-1", 1, 2, 1, "{\"sum\":3,\"count\":2,\"recent\":[1,2]}", Instant.EPOCH));

        assertThat(snapshotStore.drop("tally-1")).isEqualTo(2);
        assertThat(snapshotStore.list("tally-1")).isEmpty();
    }
}

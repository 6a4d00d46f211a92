package dev.annals.testkit.snapshot;

import dev.annals.snapshot.Snapshot;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SnapshotStore} must do (its Javadoc states it); a backend's test is a subclass that opens
 * a fresh, empty store and says how to open it again:
 *
 * <pre>{@code
 * class InMemorySnapshotStoreTest extends SnapshotStoreContract {
 *     private final InMemorySnapshotStore store = new InMemorySnapshotStore();
 *     protected SnapshotStore newSnapshotStore() { return store; }
 *     protected SnapshotStore reopen() { return store; }
 * }
 * }</pre>
 *
 * <p>Covered: save and read back newest first, the newest of a state version (so a changed state shape
 * ignores older snapshots), streams kept apart, a save of a kept version replacing it, drop, reopening,
 * state text kept as saved, many threads at once, null arguments refused, and an entity type's snapshot policy
 * (a state holding a date) saving and restoring through the store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SnapshotStoreContract {

    /** The store under test, new and empty for every test; closed after it. */
    protected SnapshotStore snapshots;

    /** A new, empty snapshot store. */
    protected abstract SnapshotStore newSnapshotStore();

    /**
     * Another store over the same storage as the last {@link #newSnapshotStore()}, as a second process would
     * open it; a store that keeps nothing outside its process returns the same instance. Closed after the test.
     */
    protected abstract SnapshotStore reopen();

    @BeforeEach
    final void open() {
        snapshots = newSnapshotStore();
    }

    @AfterEach
    final void close() {
        snapshots.close();
    }

    /** A snapshot of {@code stream} at {@code version}, its state and time derived from both. */
    protected static Snapshot snapshot(String stream, long version, int stateVersion) {
        return new Snapshot(
                stream,
                version,
                version + 10,
                stateVersion,
                "{\"v\":" + version + "}",
                Instant.ofEpochMilli(1_700_000_000_000L + version));
    }

    @Test
    void an_entity_types_snapshot_policy_saves_its_state_here_and_the_next_handler_starts_from_it() {
        try (var events = new InMemoryEventStore()) {
            var day = LocalDate.of(2026, 3, 1);
            var handler = Shelf.SHELVES.handler(events, snapshots);
            handler.handle("shelf-1", new Shelf.Stock(day));
            handler.handle("shelf-1", new Shelf.Stock(day.plusDays(1)));
            handler.handle("shelf-1", new Shelf.Stock(day.plusDays(2)));

            assertThat(snapshots.list("shelf-1")).singleElement().satisfies(snapshot -> assertThat(snapshot.state())
                    .isEqualTo("{\"books\":2,\"lastOn\":\"2026-03-02\"}"));
            var restored = Shelf.SHELVES
                    .snapshots()
                    .orElseThrow()
                    .in(snapshots)
                    .restore("shelf-1")
                    .orElseThrow();
            assertThat(restored.state()).isEqualTo(new Shelf.State(2, day.plusDays(1)));
        }
    }

    @Test
    void has_nothing_for_a_stream_never_snapshotted() {
        assertThat(snapshots.list("account-1")).isEmpty();
        assertThat(snapshots.newest("account-1", 1)).isEmpty();
        assertThat(snapshots.drop("account-1")).isZero();
    }

    @Test
    void lists_a_streams_snapshots_newest_first_whatever_the_order_they_were_saved_in() {
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 9, 1));
        snapshots.save(snapshot("account-1", 2, 1));

        assertThat(snapshots.list("account-1"))
                .containsExactly(snapshot("account-1", 9, 1), snapshot("account-1", 4, 1), snapshot("account-1", 2, 1));
        assertThat(snapshots.newest("account-1", 1)).contains(snapshot("account-1", 9, 1));
    }

    @Test
    void gives_the_newest_snapshot_of_the_state_version_asked_for_and_none_of_another() {
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 7, 2));
        snapshots.save(snapshot("account-1", 9, 1));

        assertThat(snapshots.newest("account-1", 1)).contains(snapshot("account-1", 9, 1));
        assertThat(snapshots.newest("account-1", 2)).contains(snapshot("account-1", 7, 2));
        assertThat(snapshots.newest("account-1", 3)).isEmpty();
    }

    @Test
    void keeps_each_streams_snapshots_apart_however_alike_their_names() {
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-10", 5, 1));
        snapshots.save(snapshot("Account-1", 6, 1));

        assertThat(snapshots.list("account-1")).containsExactly(snapshot("account-1", 4, 1));
        assertThat(snapshots.list("account-10")).containsExactly(snapshot("account-10", 5, 1));
        assertThat(snapshots.list("Account-1")).containsExactly(snapshot("Account-1", 6, 1));
        assertThat(snapshots.list("account-")).isEmpty();
        assertThat(snapshots.list("account-%")).isEmpty();
    }

    @Test
    void a_save_of_a_version_already_kept_replaces_it() {
        snapshots.save(snapshot("account-1", 4, 1));
        var again = new Snapshot("account-1", 4, 99, 2, "{\"v\":\"again\"}", Instant.ofEpochMilli(1_800_000_000_000L));

        snapshots.save(again);

        assertThat(snapshots.list("account-1")).containsExactly(again);
        assertThat(snapshots.newest("account-1", 1)).isEmpty();
    }

    @Test
    void drop_deletes_only_that_streams_snapshots_and_counts_them() {
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 5, 2));
        snapshots.save(snapshot("account-2", 3, 1));

        assertThat(snapshots.drop("account-1")).isEqualTo(2);

        assertThat(snapshots.list("account-1")).isEmpty();
        assertThat(snapshots.list("account-2")).containsExactly(snapshot("account-2", 3, 1));
        assertThat(snapshots.drop("account-1")).isZero();
    }

    @Test
    void keeps_snapshots_for_a_store_opened_again() {
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 9, 1));

        try (var reopened = reopen()) {
            assertThat(reopened.list("account-1"))
                    .containsExactly(snapshot("account-1", 9, 1), snapshot("account-1", 4, 1));
            assertThat(reopened.newest("account-1", 1)).contains(snapshot("account-1", 9, 1));
        }
    }

    @Test
    void gives_back_the_state_text_and_the_times_exactly_as_saved() {
        String state =
                "{\"owner\":\"Zoë Ångström 🐙\",\"memo\":\"line\\nbreak\",\"pad\":\"" + "x".repeat(200_000) + "\"}";
        var saved = new Snapshot(
                "account-1",
                Long.MAX_VALUE - 1,
                Long.MAX_VALUE,
                Integer.MAX_VALUE,
                state,
                Instant.parse("2026-12-03T09:15:30.123456789Z"));

        snapshots.save(saved);

        var loaded = snapshots.list("account-1");
        assertThat(loaded).containsExactly(saved);
        assertThat(loaded.getFirst().state()).isEqualTo(state);
        assertThat(loaded.getFirst().takenAt()).isEqualTo(Instant.parse("2026-12-03T09:15:30.123Z"));
    }

    @Test
    void keeps_every_snapshot_saved_by_many_threads_at_once() throws Exception {
        var calls = new ArrayList<Callable<Void>>();
        for (int thread = 0; thread < 8; thread++) {
            int first = thread * 10;
            calls.add(() -> {
                for (long version = first; version < first + 10; version++) {
                    snapshots.save(snapshot("account-1", version, 1));
                    snapshots.save(snapshot("account-" + first, version, 1));
                }
                return null;
            });
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var result : threads.invokeAll(calls)) {
                result.get();
            }
        }

        assertThat(snapshots.list("account-1"))
                .extracting(Snapshot::version)
                .containsExactlyElementsOf(
                        LongStream.iterate(79, v -> v >= 0, v -> v - 1).boxed().toList());
        assertThat(snapshots.list("account-70")).hasSize(10);
    }

    @Test
    void refuses_a_missing_snapshot_or_stream_by_name() {
        assertThatThrownBy(() -> snapshots.save(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("snapshot");
        assertThatThrownBy(() -> snapshots.list(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("stream");
        assertThatThrownBy(() -> snapshots.drop(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("stream");
    }
}

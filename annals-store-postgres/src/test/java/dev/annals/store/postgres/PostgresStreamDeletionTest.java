package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.snapshot.Snapshot;
import dev.annals.store.DeletionMode;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamDeletedException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresStreamDeletionTest {

    private final PostgresOptions options = TestDatabase.newOptions().withListen(false);

    @Test
    void a_deletion_made_by_one_process_holds_for_another() {
        try (var firstPool = TestDatabase.smallPool();
                var secondPool = TestDatabase.smallPool();
                var first = PostgresEventStore.open(firstPool, options);
                var second = PostgresEventStore.open(secondPool, options)) {
            first.append("account-1", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            first.append("account-2", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));

            first.deleteStream("account-1", DeletionMode.HARD);
            first.truncateStream("account-2", 1);

            assertThatThrownBy(() -> second.append("account-1", ExpectedVersion.any(), EventData.of("A", "{}")))
                    .isInstanceOf(StreamDeletedException.class);
            assertThat(second.readStream("account-2")
                            .map(RecordedEvent::streamVersion)
                            .toList())
                    .containsExactly(1L);
            assertThat(second.readAll(0).count()).isEqualTo(4);
        }
    }

    @Test
    void drops_the_snapshots_of_a_deleted_or_truncated_stream_with_the_change_and_no_others() {
        try (var pool = TestDatabase.smallPool();
                var store = PostgresEventStore.open(pool, options)) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            store.append("account-2", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            var snapshots = PostgresSnapshotStore.of(store);
            snapshots.save(new Snapshot("account-1", 1, 2, 1, "{}", Instant.now()));
            snapshots.save(new Snapshot("account-2", 1, 4, 1, "{}", Instant.now()));
            snapshots.save(new Snapshot("account-3", 0, 9, 1, "{}", Instant.now()));

            store.truncateStream("account-1", 1);
            store.deleteStream("account-2", DeletionMode.SOFT);

            assertThat(snapshots.list("account-1")).isEmpty();
            assertThat(snapshots.list("account-2")).isEmpty();
            assertThat(snapshots.list("account-3")).hasSize(1);
        }
    }
}

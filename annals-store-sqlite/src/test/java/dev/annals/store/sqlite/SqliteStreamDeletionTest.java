package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.snapshot.Snapshot;
import dev.annals.store.DeletionMode;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.sqlite.snapshot.SqliteSnapshotStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteStreamDeletionTest {

    @TempDir
    Path data;

    @Test
    void keeps_deletions_truncations_and_tombstones_when_reopened() {
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            store.append("account-2", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            store.append("account-3", ExpectedVersion.noStream(), EventData.of("A", "{}"));
            store.deleteStream("account-1", DeletionMode.SOFT);
            store.truncateStream("account-2", 1);
            store.deleteStream("account-3", DeletionMode.HARD);
        }
        try (var store = SqliteEventStore.open(data)) {
            assertThat(store.readStream("account-1").toList()).isEmpty();
            assertThat(store.readStream("account-2")
                            .map(RecordedEvent::streamVersion)
                            .toList())
                    .containsExactly(1L);
            assertThatThrownBy(() -> store.append("account-3", ExpectedVersion.any(), EventData.of("A", "{}")))
                    .isInstanceOf(StreamDeletedException.class);
            assertThat(store.append("account-1", ExpectedVersion.noStream(), EventData.of("A", "{}"))
                            .streamVersion())
                    .isEqualTo(2);
            assertThat(store.readAll(0).toList()).hasSize(6);
        }
    }

    @Test
    void drops_the_snapshots_of_a_deleted_stream_with_the_deletion() throws Exception {
        try (var store = SqliteEventStore.open(data)) {
            store.append("account-1", ExpectedVersion.noStream(), EventData.of("A", "{}"), EventData.of("A", "{}"));
            var snapshots = SqliteSnapshotStore.open(data);
            snapshots.save(new Snapshot("account-1", 1, 2, 1, "{}", Instant.now()));
            assertThat(snapshots.list("account-1")).hasSize(1);

            store.truncateStream("account-1", 1);

            assertThat(snapshots.list("account-1")).isEmpty();
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("annals.db"));
                var row = connection.createStatement().executeQuery("SELECT truncate_before, deleted FROM streams")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(1);
            assertThat(row.getInt(2)).isZero();
        }
    }
}

package dev.annals.store.sqlite.snapshot;

import dev.annals.snapshot.Snapshot;
import dev.annals.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteSnapshotStoreTest {

    @TempDir
    Path data;

    private static Snapshot snapshot(String stream, long version, int stateVersion) {
        return new Snapshot(stream, version, version + 10, stateVersion, "{\"v\":" + version + "}",
                Instant.ofEpochMilli(1_700_000_000_000L + version));
    }

    @Test
    void keeps_snapshots_in_the_store_file_newest_first_across_reopening() {
        SqliteEventStore.open(data).close();
        var snapshots = SqliteSnapshotStore.open(data);
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 9, 1));
        snapshots.save(snapshot("account-2", 3, 1));

        var reopened = SqliteSnapshotStore.open(data);

        assertThat(reopened.list("account-1")).containsExactly(snapshot("account-1", 9, 1), snapshot("account-1", 4, 1));
        assertThat(reopened.newest("account-1", 1)).contains(snapshot("account-1", 9, 1));
    }

    @Test
    void finds_no_valid_snapshot_when_only_another_state_version_exists() {
        SqliteEventStore.open(data).close();
        var snapshots = SqliteSnapshotStore.open(data);
        snapshots.save(snapshot("account-1", 4, 1));

        assertThat(snapshots.newest("account-1", 2)).isEmpty();
    }

    @Test
    void drop_deletes_only_that_streams_snapshots() {
        SqliteEventStore.open(data).close();
        var snapshots = SqliteSnapshotStore.open(data);
        snapshots.save(snapshot("account-1", 4, 1));
        snapshots.save(snapshot("account-1", 5, 1));
        snapshots.save(snapshot("account-2", 3, 1));

        assertThat(snapshots.drop("account-1")).isEqualTo(2);

        assertThat(snapshots.list("account-1")).isEmpty();
        assertThat(snapshots.list("account-2")).hasSize(1);
    }
}

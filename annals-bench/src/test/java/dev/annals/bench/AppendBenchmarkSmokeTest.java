package dev.annals.bench;

import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class AppendBenchmarkSmokeTest {

    @TempDir
    Path data;

    @Test
    void appends_every_requested_event_to_a_sqlite_store_one_event_per_append() {
        var options = new AppendBenchmarkOptions(4, 400, 200, 1);

        var result = AppendBenchmark.runIn(data, SqliteEventStore::open, "SQLite store", options);

        assertThat(result.eventsAppended()).isEqualTo(400);
        assertThat(result.appends()).isEqualTo(400);
        assertThat(result.eventsStored()).isEqualTo(400);
        try (var store = SqliteEventStore.open(data)) {
            assertThat(store.headPosition()).isEqualTo(400);
            assertThat(store.streams()).hasSize(4);
        }
    }

    @Test
    void appends_batches_until_the_total_is_reached_even_when_it_is_not_a_multiple_of_the_batch() {
        var options = new AppendBenchmarkOptions(3, 1_001, 50, 100);

        var result = AppendBenchmark.runIn(data, SqliteEventStore::open, "SQLite store", options);

        assertThat(result.eventsAppended()).isEqualTo(1_001);
        assertThat(result.appends()).isEqualTo(11).isEqualTo(options.appends());
        assertThat(result.eventsStored()).isEqualTo(1_001);
        assertThat(result.latency().p50()).isPositive();
        assertThat(result.latency().max())
                .isGreaterThanOrEqualTo(result.latency().p999());
    }

    @Test
    void deletes_the_temporary_store_it_created() {
        var result = AppendBenchmark.runInTemporaryDirectory(
                SqliteEventStore::open, "SQLite store", new AppendBenchmarkOptions(2, 20, 10, 1));

        assertThat(result.eventsStored()).isEqualTo(20);
        assertThat(result.location()).contains("deleted afterwards");
        assertThat(Path.of(result.location().substring(0, result.location().indexOf(" ("))))
                .doesNotExist();
    }

    @Test
    void the_fsync_baseline_writes_every_requested_event_and_removes_its_file() throws Exception {
        var options = new AppendBenchmarkOptions(4, 505, 100, 10);

        var result = FsyncBaseline.runIn(data, options);

        assertThat(result.target()).isEqualTo(FsyncBaseline.TARGET);
        assertThat(result.eventsAppended()).isEqualTo(505);
        assertThat(result.appends()).isEqualTo(51);
        assertThat(result.eventsStored()).isEqualTo(505);
        try (var left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void the_fsync_baseline_runs_in_a_temporary_directory_by_default() {
        var result = FsyncBaseline.runInTemporaryDirectory(new AppendBenchmarkOptions(8, 64, 2, 1));

        assertThat(result.eventsAppended()).isEqualTo(64);
        assertThat(result.eventsStored()).isEqualTo(64);
    }
}

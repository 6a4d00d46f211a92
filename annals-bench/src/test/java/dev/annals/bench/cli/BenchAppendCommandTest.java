package dev.annals.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.store.memory.InMemoryEventStore;
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
class BenchAppendCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    @Test
    void runs_the_benchmark_on_the_store_and_prints_a_table() {
        var run = BenchCli.on(store, data)
                .run("append", "--writers", "3", "--events", "300", "--size", "50", "--batch", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("append benchmark: in-memory store\n")
                .contains("writers             3, each on its own stream")
                .contains("events              300 appended, 300 stored")
                .contains("appends             43")
                .contains("events/s");
        assertThat(store.headPosition()).isEqualTo(300);
    }

    @Test
    void runs_the_fsync_baseline_in_the_data_directory_and_prints_json() throws Exception {
        var run = BenchCli.on(store, data)
                .run("append", "--writers", "2", "--events", "40", "--size", "100", "--baseline", "fsync", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("target").asText()).startsWith("fsync baseline");
        assertThat(result.get("eventsAppended").asLong()).isEqualTo(40);
        assertThat(result.get("eventsStored").asLong()).isEqualTo(40);
        assertThat(store.headPosition()).isZero();
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void the_data_directory_may_be_given_after_the_subcommand() {
        var run = BenchCli.on(store, data)
                .runWithoutData(
                        "append",
                        "--events",
                        "5",
                        "--baseline",
                        "fsync",
                        "--data",
                        data.resolve("bench").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("location            " + data.resolve("bench"));
    }

    @Test
    void an_impossible_option_is_bad_usage_with_one_line() {
        var run = BenchCli.on(store, data).run("append", "--writers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "annals: the number of writers must be 1 or more, was 0 (see 'annals bench append --help')");
    }

    @Test
    void an_unknown_baseline_is_bad_usage() {
        var run = BenchCli.on(store, data).run("append", "--baseline", "memory");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--baseline");
    }

    @Test
    void has_help_for_each_option() {
        var run = BenchCli.on(store, data).runWithoutData("append", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: annals bench append")
                .contains("--writers=N", "--events=N", "--size=BYTES", "--batch=K", "--baseline=fsync", "--json");
    }

    @Test
    void runs_on_a_sqlite_store_in_the_data_directory() {
        var run = BenchCli.onSqlite(data).run("append", "--writers", "4", "--events", "200", "--batch", "3", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"target\":\"SQLite store\"").contains("\"eventsStored\":200");
        try (var sqlite = SqliteEventStore.open(data)) {
            assertThat(sqlite.headPosition()).isEqualTo(200);
        }
    }
}

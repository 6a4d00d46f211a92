package dev.annals.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison commands parse their options and print their reports; PostgreSQL is left out here. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(90)
class BenchCompareCommandsTest {

    @TempDir
    Path data;

    @Test
    void lists_the_comparisons_among_the_benchmarks() {
        var run = BenchCli.onSqlite(data).runWithoutData("--help");

        assertThat(run.out()).contains("compare-append", "compare-replay", "compare-load");
    }

    @Test
    void compares_loads_of_entities_and_prints_json() throws Exception {
        var run = BenchCli.onSqlite(data).runWithoutData("compare-load", "--sizes", "5", "--no-postgres", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var entities = new ObjectMapper().readTree(run.out()).get("entities");
        assertThat(entities).hasSize(1);
        assertThat(entities.get(0).get("systems")).hasSize(3);
        assertThat(entities.get(0).get("systems").get(2).get("unavailable").asText())
                .isEqualTo("PostgreSQL left out");
    }

    @Test
    void rounds_run_the_comparison_again_and_report_each_cells_median_saying_how_many() throws Exception {
        var run = BenchCli.onSqlite(data)
                .runWithoutData(
                        "compare-append",
                        "--events",
                        "40",
                        "--warmup",
                        "0",
                        "--workloads",
                        "1w-1e",
                        "--systems",
                        "annals/sqlite,fsync",
                        "--rounds",
                        "3",
                        "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("round 1 of 3", "round 2 of 3", "round 3 of 3");
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rounds").asInt()).isEqualTo(3);
        var systems = json.get("workloads").get(0).get("systems");
        assertThat(systems.get(0).get("system").asText()).isEqualTo("annals/sqlite");
        assertThat(systems.get(0).get("eventsStored").asLong()).isEqualTo(40);
        assertThat(systems.get(0).get("eventsPerSecond").asLong()).isPositive();
        assertThat(systems.get(1).get("unavailable").asText()).isEqualTo("left out");
    }

    @Test
    void zero_rounds_is_bad_usage() {
        var run = BenchCli.onSqlite(data).runWithoutData("compare-append", "--rounds", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rounds must be 1 or more, was 0");
    }

    @Test
    void refuses_a_payload_too_small_for_every_system() {
        var run = BenchCli.onSqlite(data).runWithoutData("compare-append", "--size", "4");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("the payload size must be from 8");
    }

    @Test
    void an_unknown_workload_or_system_is_bad_usage_naming_the_known_ones() {
        var workload = BenchCli.onSqlite(data).runWithoutData("compare-append", "--workloads", "1w-100e,2w-5e");
        var system = BenchCli.onSqlite(data).runWithoutData("compare-append", "--systems", "annals/sqlite,oracle");

        assertThat(workload.exitCode()).isEqualTo(2);
        assertThat(workload.err()).contains("unknown workload 2w-5e").contains("64w4s-1e");
        assertThat(system.exitCode()).isEqualTo(2);
        assertThat(system.err()).contains("the systems must be among").contains("jdbc/postgresql");
    }

    @Test
    void without_a_benchmark_it_is_bad_usage_naming_them() {
        var run = BenchCli.onSqlite(data).runWithoutData();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("annals: name a benchmark: append, projection, compare-append,")
                .contains("(see 'annals bench --help')");
    }
}

package dev.annals.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny comparison run, so the benchmark code cannot rot; its figures are never asserted. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class AppendComparisonSmokeTest {

    private static final List<AppendWorkload> WORKLOADS = List.of(
            new AppendWorkload("2 writers", 2, 2, 1, 40),
            new AppendWorkload("4 writers on 2 streams", 4, 2, 1, 40),
            new AppendWorkload("2 writers, 10 events per append", 2, 2, 10, 205));

    @TempDir
    Path directory;

    @Test
    void runs_every_workload_on_every_available_system_and_stores_every_event() throws Exception {
        Optional<String> postgres = PostgresAtHand.url();
        long schemasBefore = postgres.isPresent() ? PostgresAtHand.benchmarkSchemas(postgres.get()) : 0;
        var progress = new ArrayList<String>();

        var results = AppendComparison.run(
                new ComparisonOptions(WORKLOADS, 200, postgres, PostgresAtHand.USER, 20), progress::add);

        assertThat(results).extracting(WorkloadResult::workload).containsExactlyElementsOf(WORKLOADS);
        for (WorkloadResult result : results) {
            assertThat(result.outcomes())
                    .extracting(SystemOutcome::system)
                    .containsExactlyElementsOf(AppendComparison.SYSTEMS);
            for (SystemOutcome outcome : result.outcomes()) {
                boolean expectedToRun =
                        postgres.isPresent() || !outcome.system().endsWith("postgresql");
                if (expectedToRun) {
                    assertThat(outcome).as(outcome.system()).isInstanceOf(SystemOutcome.Measured.class);
                    var measured = (SystemOutcome.Measured) outcome;
                    assertThat(measured.result().eventsAppended())
                            .as(outcome.system())
                            .isEqualTo(result.workload().events());
                    assertThat(measured.result().eventsStored())
                            .as(outcome.system())
                            .isEqualTo(result.workload().events());
                } else {
                    assertThat(outcome).as(outcome.system()).isInstanceOf(SystemOutcome.Unavailable.class);
                }
            }
        }
        assertThat(progress).hasSizeGreaterThanOrEqualTo(WORKLOADS.size() * 4);
        if (postgres.isPresent()) {
            assertThat(PostgresAtHand.benchmarkSchemas(postgres.get())).isEqualTo(schemasBefore);
        }
    }

    @Test
    void reports_tables_json_and_a_png_chart() throws Exception {
        var results = AppendComparison.run(
                new ComparisonOptions(WORKLOADS.subList(0, 1), 200, Optional.empty(), PostgresAtHand.USER, 0),
                line -> {});
        Path chart = directory.resolve("chart.png");

        String tables = ComparisonReport.tables(results, 200);
        var json = new ObjectMapper().readTree(ComparisonReport.json(results, 200, 1));
        ThroughputChart.write(results, chart);

        assertThat(tables)
                .contains(
                        "2 writers: 40 events of 200 bytes",
                        "annals/sqlite",
                        "axon/sqlite",
                        "jdbc/sqlite",
                        "fsync",
                        "annals/postgresql",
                        "PostgreSQL left out");
        var systems = json.get("workloads").get(0).get("systems");
        assertThat(systems).hasSize(AppendComparison.SYSTEMS.size());
        assertThat(systems.get(0).get("system").asText()).isEqualTo("annals/sqlite");
        assertThat(systems.get(0)
                        .get("ratioOfEventsPerSecondTo")
                        .get("annals/sqlite")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(systems.get(0).get("latencyMillis").has("p999")).isTrue();
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }
}

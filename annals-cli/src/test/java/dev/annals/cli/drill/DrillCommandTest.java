package dev.annals.cli.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.cli.Cli;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code annals drill}: a progress line per fault, the final table, the JSON report (beside the data
 * directory's copy for the console), and usage errors that name what was wrong. The drills themselves are
 * proven by annals-drill's DrillsQuickTest.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DrillCommandTest {

    @TempDir
    Path data;

    @Test
    void runs_a_quick_drill_prints_a_line_per_fault_and_a_table_and_writes_the_report() throws Exception {
        var report = data.resolveSibling(data.getFileName() + "-report.json");

        var run = Cli.onSqlite(data).run("drill", "poison-event", "--quick", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines())
                .filteredOn(line -> line.startsWith("poison-event  fault "))
                .hasSize(3);
        assertThat(run.out()).contains("drill ", "p99 ms", "every invariant held");
        var json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("machine").asText()).contains("processors");
        var drill = json.get("drills").get(0);
        assertThat(drill.get("drill").asText()).isEqualTo("poison-event");
        assertThat(drill.get("faults").asInt()).isEqualTo(3);
        assertThat(drill.get("lost").asLong()).isZero();
        assertThat(drill.get("recovery").has("p99Millis")).isTrue();
        assertThat(data.resolve("last-drill.json")).exists();
    }

    @Test
    void an_unknown_drill_is_a_usage_error_that_lists_the_drills() {
        var run = Cli.onSqlite(data).run("drill", "kill-everything");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("kill-everything")
                .contains("kill-writer")
                .contains("slow-consumer");
    }

    @Test
    void a_fault_count_below_one_is_a_usage_error() {
        var run = Cli.onSqlite(data).run("drill", "kill-writer", "--faults", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--faults must be 1 or more, was 0");
    }

    @Test
    void allow_restart_without_a_store_is_a_usage_error() {
        var run = Cli.onSqlite(data).run("drill", "restart-database", "--allow-restart", "true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--allow-restart").contains("--store");
    }

    @Test
    void malformed_bootstrap_servers_are_a_usage_error_naming_the_form() {
        var run = Cli.onSqlite(data).run("drill", "kill-relay", "--bootstrap-servers", "kafka");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--bootstrap-servers", "'kafka' must be HOST:PORT")
                .doesNotContain("Exception");
    }
}

package dev.annals.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BenchmarkReportTest {

    private final BenchmarkResult result = new BenchmarkResult(
            "SQLite store",
            "/data",
            new AppendBenchmarkOptions(8, 20_000, 200, 100),
            20_000,
            200,
            20_000,
            Duration.ofMillis(500),
            new Latency(
                    Duration.ofNanos(1_500_000), Duration.ofMillis(4), Duration.ofMillis(9), Duration.ofMillis(12)));

    @Test
    void computes_rates_from_the_elapsed_time() {
        assertThat(result.eventsPerSecond()).isEqualTo(40_000.0);
        assertThat(result.appendsPerSecond()).isEqualTo(400.0);
    }

    @Test
    void the_table_names_each_figure() {
        var table = BenchmarkReport.table(result);

        assertThat(table)
                .startsWith("append benchmark: SQLite store\n")
                .contains("writers             8, each on its own stream")
                .contains("events per append   100")
                .contains("payload             200 bytes")
                .contains("events              20,000 appended, 20,000 stored")
                .contains("throughput          40,000 events/s, 400 appends/s")
                .contains("latency per append  p50 1.500 ms, p99 4.000 ms, p99.9 9.000 ms, max 12.000 ms")
                .endsWith("\n");
    }

    @Test
    void the_json_is_one_object_on_one_line() throws Exception {
        var json = BenchmarkReport.json(result);

        assertThat(json).doesNotContain("\n");
        var node = new ObjectMapper().readTree(json);
        assertThat(node.get("writers").asInt()).isEqualTo(8);
        assertThat(node.get("eventsStored").asLong()).isEqualTo(20_000);
        assertThat(node.get("eventsPerSecond").asLong()).isEqualTo(40_000);
        assertThat(node.at("/latencyMillis/p99").asDouble()).isEqualTo(4.0);
    }
}

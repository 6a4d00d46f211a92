package dev.annals.bench.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code annals bench relay} in its short form, with the broker it starts itself: the report's shape, not
 * its timings (this machine is shared).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(300)
class BenchRelayCommandTest {

    @TempDir
    Path data;

    @Test
    void publishes_through_a_broker_it_starts_and_reports_throughput_ceiling_ratio_and_latency() {
        var run = BenchCli.onSqlite(data)
                .run("relay", "--events", "2000", "--rate", "200", "--seconds", "2", "--warm-up", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(14);
        assertThat(lines.get(0))
                .matches("Relay to Kafka \\(a local broker\\), 2000 events, records of \\d{3,4} bytes in a batch"
                        + " \\(key \\d+, envelope \\d{3,4}, headers \\d+\\)");
        assertThat(lines.get(1)).matches("  relay: +[\\d,]+ events/s +\\([\\d.]+ s, \\d+ transactions\\)");
        assertThat(lines.get(2)).matches("    CPU per event: +the relay's process [\\d.]+ µs, broker [\\d.]+ µs");
        assertThat(lines.get(3)).matches("    requests: +\\d+ records per request, [\\d.]+ KiB per batch");
        assertThat(lines.get(4))
                .matches("  ProducerPerformance: +[\\d,]+ records/s \\(2000 records of \\d{3,4} bytes in a batch"
                        + " \\(key 3, value \\d{3,4}\\), transaction every \\d+ ms\\)");
        assertThat(lines.get(5)).matches("    CPU per record: +its process [\\d.]+ µs, broker [\\d.]+ µs");
        assertThat(lines.get(6)).matches("    requests: +\\d+ records per request, [\\d.]+ KiB per batch");
        assertThat(lines.get(7)).matches("  ratio: +[\\d.]+ %  \\(by CPU per event: [\\d.]+ %\\)");
        assertThat(lines.get(8))
                .isEqualTo("End to end at 200 events/s (400 events after 1 s of warm-up, append to read_committed"
                        + " receipt)");
        assertThat(lines.get(9)).matches("  p50 [\\d.]+ ms   p99 [\\d.]+ ms   p99\\.9 [\\d.]+ ms   max [\\d.]+ ms");
        assertThat(lines.get(10)).matches("  of which the append: p50 [\\d.]+ ms   p99 [\\d.]+ ms");
        assertThat(lines.get(11)).matches("  from its acknowledgement to the receipt: p50 [\\d.]+ ms   p99 [\\d.]+ ms");
        assertThat(lines.get(12))
                .matches("  the warm-up's own, not counted above: p50 [\\d.]+ ms   p99 [\\d.]+ ms   max [\\d.]+ ms");
        assertThat(lines.get(13))
                .matches("  the relay's commits in the warm-up and the run: [1-9]\\d*, [\\d.]+ ms each on average");
        // The ceiling's records are as large as the relay's in a batch, key, envelope and header included: its
        // values are longer than the envelope by what the relay's longer key and its header take.
        var relayRecord = lines.get(0)
                .replaceAll(
                        ".*records of (\\d+) bytes in a batch \\(key (\\d+), envelope (\\d+), headers (\\d+)\\)",
                        "$1 $2 $3 $4")
                .split(" ");
        var ceilingRecord = lines.get(4)
                .replaceAll(".*records of (\\d+) bytes in a batch \\(key 3, value (\\d+)\\).*", "$1 $2")
                .split(" ");
        int envelope = Integer.parseInt(relayRecord[2]);
        assertThat(envelope).isGreaterThan(200);
        assertThat(Integer.parseInt(relayRecord[3]))
                .as("the content-type header")
                .isEqualTo("content-type".length() + "application/cloudevents+json".length());
        assertThat(ceilingRecord[0]).isEqualTo(relayRecord[0]);
        assertThat(Integer.parseInt(ceilingRecord[1]))
                .isEqualTo(envelope + Integer.parseInt(relayRecord[1]) - 3 + Integer.parseInt(relayRecord[3]) + 2);
    }

    @Test
    void a_producer_setting_the_ceiling_would_not_share_is_bad_usage_naming_it() {
        var run = BenchCli.onSqlite(data).run("relay", "--producer", "acks=1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().getFirst())
                .contains("--producer acks is not one the relay and the ceiling share")
                .contains("linger.ms, batch.size or compression.type");
    }

    @Test
    void a_producer_setting_with_a_bad_value_is_bad_usage_naming_it() {
        var run = BenchCli.onSqlite(data).run("relay", "--producer", "batch.size=big");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().getFirst()).contains("--producer batch.size=big is not a valid value");
    }

    @Test
    void a_negative_warm_up_is_bad_usage_with_one_line() {
        var run = BenchCli.onSqlite(data).run("relay", "--warm-up", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().getFirst()).contains("--warm-up must be 0 s or more, was -1");
    }

    @Test
    void a_rate_of_zero_is_bad_usage_with_one_line() {
        var run = BenchCli.onSqlite(data).run("relay", "--rate", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().getFirst()).contains("--rate must be from 1 to 100000 events per second, was 0");
    }
}

package dev.annals.bench.cli;

import dev.annals.bench.server.ServerLoadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server under load on loopback, bounded to stay well under a minute: 200 SSE subscribers on $all and
 * 64 appending HTTP clients on a SQLite store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerLoadTest {

    @TempDir
    Path data;

    @Test
    void every_subscriber_receives_every_appended_event_in_order_while_health_keeps_answering() throws Exception {
        var options = new ServerLoadOptions(200, 64, 10, 100, Duration.ofSeconds(60));

        var result = BenchServerLoadCommand.run(data, options, false);

        assertThat(result.appendFailures()).as("appends refused").isZero();
        assertThat(result.complete())
                .as("subscribers that got every one of %d events", options.events())
                .isEqualTo(200);
        assertThat(result.outOfOrder())
                .as("subscribers that saw an event out of order")
                .isZero();
        assertThat(result.healthChecks()).as("health checks during the load").isPositive();
        assertThat(result.healthFailures()).as("health checks that failed").isZero();
        assertThat(result.report()).contains("200 of 200 subscribers got every event");
    }

    @Test
    void the_bench_command_prints_the_figures_of_a_small_run() {
        var run = BenchCli.onSqlite(data)
                .run("server-load", "--subscribers", "3", "--appenders", "2", "--events", "5", "--size", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("server load: 3 SSE subscribers on $all, 2 appending HTTP clients, 10 events")
                .contains("events/s")
                .contains("p50")
                .contains("3 of 3 subscribers got every event, 0 saw one out of order");
    }

    @Test
    void refuses_a_run_without_subscribers() {
        assertThatThrownBy(() -> new ServerLoadOptions(0, 1, 1, 100, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscribers must be 1 or more, was 0");
    }

    @Test
    void refuses_a_negative_rate() {
        assertThatThrownBy(() -> new ServerLoadOptions(1, 1, 1, 100, Duration.ofSeconds(1), -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate must be 0 (as fast as answered) or more, was -5");
    }
}

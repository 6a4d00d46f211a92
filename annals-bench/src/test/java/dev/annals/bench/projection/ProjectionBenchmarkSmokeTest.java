package dev.annals.bench.projection;

import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionBenchmarkSmokeTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void measures_a_rebuild_and_the_latency_of_a_short_steady_run() throws Exception {
        ProjectionBenchmarkResult result;
        try (var target = BenchedStore.of(SqliteEventStore.open(data))) {
            result = ProjectionBenchmark.run(
                    target, new ProjectionBenchmarkOptions(2_000, 200, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        }

        assertThat(result.rebuilds()).hasSize(2).allSatisfy(rebuild -> {
            assertThat(rebuild.events()).isEqualTo(2_000);
            assertThat(rebuild.rebuildEventsPerSecond()).isPositive();
            assertThat(rebuild.replayEventsPerSecond()).isPositive();
        });
        assertThat(result.latencyEvents()).isEqualTo(200);
        assertThat(result.appendToReadModel().p99())
                .isGreaterThanOrEqualTo(result.appendToReadModel().p50())
                .isPositive();
        // Each event's append is acknowledged before its read model can have it.
        assertThat(result.appendAcknowledged().max())
                .isPositive()
                .isLessThanOrEqualTo(result.appendToReadModel().max());
        assertThat(result.acknowledgedToReadModel().max())
                .isLessThanOrEqualTo(result.appendToReadModel().max());
        assertThat(result.latencyCpuSeconds()).isPositive();
        // The warm-up's events are counted apart: a second at the same rate before the measured one.
        assertThat(result.warmUp()).isEqualTo(Duration.ofSeconds(1));
        assertThat(result.warmUpLatency().max()).isPositive();
        assertThat(result.report())
                .contains("replay")
                .contains("rebuild")
                .contains("bank balances")
                .contains("p99")
                .contains("of which the append")
                .contains("from the acknowledgement to the read model")
                .contains("over 200 events after 1 s of warm-up")
                .contains("the warm-up's own, not counted above: p50")
                .contains("µs per event");
    }
}

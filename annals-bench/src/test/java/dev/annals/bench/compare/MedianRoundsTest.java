package dev.annals.bench.compare;

import dev.annals.bench.AppendBenchmarkOptions;
import dev.annals.bench.BenchmarkResult;
import dev.annals.bench.Latency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MedianRoundsTest {

    private static final AppendWorkload LONE = new AppendWorkload("1 writer", 1, 1, 1, 1_000);
    private static final AppendWorkload MANY = new AppendWorkload("8 writers", 8, 8, 1, 1_000);

    @Test
    void each_cell_is_its_median_round_by_rate_with_that_rounds_latency() {
        var rounds = List.of(
                List.of(
                        row(LONE, cell("annals", 1_000, 5), cell("axon", 900, 1)),
                        row(MANY, cell("annals", 8_000, 2), cell("axon", 100, 40))),
                List.of(
                        row(LONE, cell("annals", 3_000, 7), cell("axon", 500, 2)),
                        row(MANY, cell("annals", 7_000, 3), cell("axon", 300, 50))),
                List.of(
                        row(LONE, cell("annals", 2_000, 6), cell("axon", 700, 3)),
                        row(MANY, cell("annals", 9_000, 4), cell("axon", 200, 60))));

        var table = MedianRounds.of(rounds);

        assertThat(table).extracting(WorkloadResult::workload).containsExactly(LONE, MANY);
        assertThat(rates(table.get(0))).containsExactly(2_000.0, 700.0);
        assertThat(rates(table.get(1))).containsExactly(8_000.0, 200.0);
        // The p99 goes with the median round's rate, not the median of the p99s on their own.
        assertThat(p99s(table.get(0))).containsExactly(6L, 3L);
        assertThat(p99s(table.get(1))).containsExactly(2L, 60L);
    }

    @Test
    void of_two_rounds_the_slower_is_taken_and_one_round_is_itself() {
        var slow = List.of(row(LONE, cell("annals", 1_000, 1)));
        var fast = List.of(row(LONE, cell("annals", 4_000, 1)));

        assertThat(rates(MedianRounds.of(List.of(fast, slow)).getFirst())).containsExactly(1_000.0);
        assertThat(MedianRounds.of(List.of(fast))).isEqualTo(fast);
    }

    @Test
    void a_cell_unavailable_in_any_round_stays_unavailable_with_that_rounds_reason() {
        var measured = List.of(row(LONE, cell("annals", 1_000, 1)));
        var failed = List.of(row(LONE, new SystemOutcome.Unavailable("annals", "failed: disk full")));

        var table = MedianRounds.of(List.of(measured, failed, measured));

        assertThat(table.getFirst().outcomes())
                .containsExactly(new SystemOutcome.Unavailable("annals", "failed: disk full"));
    }

    @Test
    void rounds_of_other_workloads_or_systems_or_none_at_all_are_refused() {
        var one = List.of(row(LONE, cell("annals", 1_000, 1)));
        var otherWorkload = List.of(row(MANY, cell("annals", 1_000, 1)));
        var otherSystem = List.of(row(LONE, cell("axon", 1_000, 1)));

        assertThatThrownBy(() -> MedianRounds.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one round is needed");
        assertThatThrownBy(() -> MedianRounds.of(List.of(one, otherWorkload)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rounds differ in their workloads");
        assertThatThrownBy(() -> MedianRounds.of(List.of(one, otherSystem)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rounds differ in their systems");
    }

    private static WorkloadResult row(AppendWorkload workload, SystemOutcome... outcomes) {
        return new WorkloadResult(workload, List.of(outcomes));
    }

    /** A system that appended 1,000 events at {@code rate} events/s with a p99 of {@code p99} ms. */
    private static SystemOutcome cell(String system, long rate, long p99) {
        var latency = new Latency(
                Duration.ofMillis(1), Duration.ofMillis(p99), Duration.ofMillis(p99), Duration.ofMillis(p99));
        var options = new AppendBenchmarkOptions(1, 1_000, 200, 1);
        var elapsed = Duration.ofNanos(1_000L * 1_000_000_000L / rate);
        return new SystemOutcome.Measured(
                system, new BenchmarkResult(system, "memory", options, 1_000, 1_000, 1_000, elapsed, latency), 0);
    }

    private static List<Double> rates(WorkloadResult row) {
        return row.outcomes().stream()
                .map(outcome ->
                        Math.rint(((SystemOutcome.Measured) outcome).result().eventsPerSecond()))
                .toList();
    }

    private static List<Long> p99s(WorkloadResult row) {
        return row.outcomes().stream()
                .map(outcome -> ((SystemOutcome.Measured) outcome)
                        .result()
                        .latency()
                        .p99()
                        .toMillis())
                .toList();
    }
}

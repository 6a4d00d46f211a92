package dev.annals.bench.server;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeliveryLatenciesTest {

    private final DeliveryLatencies latencies = new DeliveryLatencies();

    @Test
    void gathers_the_latencies_of_every_subscriber_in_one_histogram() {
        for (int subscriber = 0; subscriber < 100; subscriber++) {
            latencies.record(subscriber, Duration.ofMillis(subscriber + 1).toNanos());
        }

        var all = latencies.all();

        assertThat(all.getTotalCount()).isEqualTo(100);
        assertThat(all.getValueAtPercentile(50)).isBetween(49_900_000L, 50_100_000L);
        assertThat(all.getMaxValue()).isBetween(99_900_000L, 100_100_000L);
    }

    @Test
    void keeps_a_latency_beyond_its_range_as_the_largest_it_tells_apart_and_a_negative_one_as_zero() {
        latencies.record(3, Long.MAX_VALUE);
        latencies.record(4, -5);

        var all = latencies.all();

        assertThat(all.getTotalCount()).isEqualTo(2);
        assertThat(all.getMinValue()).isZero();
        assertThat(all.highestEquivalentValue(all.getMaxValue()))
                .isEqualTo(all.highestEquivalentValue(DeliveryLatencies.HIGHEST));
    }
}

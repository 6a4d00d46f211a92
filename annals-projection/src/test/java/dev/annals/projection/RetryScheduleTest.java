package dev.annals.projection;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryScheduleTest {

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void doubles_the_delay_from_the_first_retry_up_to_the_maximum_without_jitter() {
        var schedule = new RetrySchedule(10, Duration.ofMillis(100), Duration.ofMillis(500), 0);

        assertThat(schedule.delayBefore(2, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(schedule.delayBefore(3, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(schedule.delayBefore(4, random)).isEqualTo(Duration.ofMillis(400));
        assertThat(schedule.delayBefore(5, random)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.delayBefore(60, random)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void spreads_each_delay_within_its_jitter() {
        var schedule = new RetrySchedule(10, Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);

        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.delayBefore(3, random)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
        }
    }

    @Test
    void refuses_settings_that_make_no_sense() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofMillis(1), Duration.ofMillis(1), 0))
                .hasMessageContaining("maxAttempts must be 1 or more, was 0");
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(1), 0))
                .hasMessageContaining("maxDelay >= initialDelay");
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.5))
                .hasMessageContaining("jitter must be between 0 and 1, was 1.5");
    }
}

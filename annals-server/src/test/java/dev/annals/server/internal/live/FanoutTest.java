package dev.annals.server.internal.live;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pause between two rounds: what batching each client's writes may cost a delivery at most. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FanoutTest {

    @Test
    void a_few_clients_after_a_short_round_wait_the_least_pause() {
        assertThat(Fanout.pause(10, Duration.ofNanos(200_000))).isEqualTo(Fanout.MIN_ROUND);
    }

    @Test
    void the_pause_grows_with_the_clients_connected() {
        assertThat(Fanout.pause(1_000, Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void a_round_that_took_long_to_write_out_is_followed_by_as_long_a_pause_so_the_appends_get_the_rest() {
        assertThat(Fanout.pause(200, Duration.ofMillis(30))).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void no_client_waits_more_than_the_longest_pause() {
        assertThat(Fanout.pause(100_000, Duration.ofSeconds(3))).isEqualTo(Fanout.MAX_ROUND);
    }
}

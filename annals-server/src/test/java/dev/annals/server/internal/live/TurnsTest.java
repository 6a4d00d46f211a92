package dev.annals.server.internal.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TurnsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void the_wait_ends_once_every_client_of_the_wave_has_taken_its_turn() throws InterruptedException {
        var turns = new Turns(3, Thread.currentThread());
        Thread.ofVirtual().start(() -> {
            turns.taken();
            turns.taken();
            turns.taken();
        });

        turns.await(Duration.ofHours(1)); // returns: the test's timeout would fail it otherwise
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_client_that_never_takes_its_turn_holds_the_wave_only_until_the_limit() throws InterruptedException {
        var turns = new Turns(2, Thread.currentThread());
        turns.taken();

        turns.await(Duration.ofMillis(1));
    }

    @Test
    void an_interrupted_wait_says_so() {
        var turns = new Turns(1, Thread.currentThread());
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> turns.await(Duration.ofHours(1))).isInstanceOf(InterruptedException.class);
    }
}

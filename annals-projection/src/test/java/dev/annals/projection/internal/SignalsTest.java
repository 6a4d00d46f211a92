package dev.annals.projection.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignalsTest {

    private final AtomicLong processed = new AtomicLong();
    private final Signals signals = new Signals(processed::get);

    @Test
    void a_position_already_processed_is_not_waited_for() throws Exception {
        processed.set(7);

        assertThat(signals.awaitPosition(7, Duration.ZERO)).isTrue();
        assertThat(signals.waiting()).isZero();
    }

    @Test
    void progress_releases_the_callers_whose_position_it_reached_and_only_them() throws Exception {
        var nearReturned = new CountDownLatch(1);
        var farReturned = new CountDownLatch(1);
        var near = Thread.ofVirtual().start(() -> awaitInto(5, nearReturned));
        var far = Thread.ofVirtual().start(() -> awaitInto(9, farReturned));
        await().until(() -> signals.waiting() == 2);

        processed.set(6);
        signals.progress();

        assertThat(nearReturned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signals.waiting()).isEqualTo(1);
        assertThat(farReturned.getCount()).isEqualTo(1);

        processed.set(9);
        signals.progress();

        assertThat(farReturned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signals.waiting()).isZero();
        near.join();
        far.join();
    }

    @Test
    void a_caller_whose_position_is_not_reached_in_time_is_told_so_and_leaves_the_queue() throws Exception {
        assertThat(signals.awaitPosition(3, Duration.ofMillis(20))).isFalse();
        assertThat(signals.waiting()).isZero();
    }

    @Test
    void progress_made_without_a_signal_is_still_seen() throws Exception {
        var returned = new AtomicBoolean();
        var waiter = Thread.ofVirtual().start(() -> {
            try {
                returned.set(signals.awaitPosition(4, Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().until(() -> signals.waiting() == 1);

        // A reset or a skipped dead letter moves the position by another path than the subscription's.
        processed.set(4);

        waiter.join(Duration.ofSeconds(10));
        assertThat(returned).isTrue();
        assertThat(signals.waiting()).isZero();
    }

    private void awaitInto(long position, CountDownLatch returned) {
        try {
            if (signals.awaitPosition(position, Duration.ofSeconds(30))) {
                returned.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

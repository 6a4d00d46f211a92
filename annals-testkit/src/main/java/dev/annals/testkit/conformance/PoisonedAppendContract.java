package dev.annals.testkit.conformance;

import dev.annals.store.EventStoreException;
import dev.annals.store.InvalidAppendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.testkit.conformance.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One append the database refuses never fails another client's append (docs/adr/0017): a poisoned append,
 * valid to the store's checks but refused inside the database (the backend arranges that with
 * {@link EventStoreConformance#poison}), races with good appends that may share its group commit; every good
 * one succeeds and is stored, the poisoned one fails alone and leaves nothing. A backend with nothing below
 * its checks that could refuse an append (in memory, the HTTP client) does not poison: the good appends
 * must still all succeed.
 */
abstract class PoisonedAppendContract extends StoreContract {

    private static final int ROUNDS = 5;
    private static final int GOOD_PER_ROUND = 15;

    @Test
    void a_poisoned_append_fails_alone_and_every_good_append_beside_it_succeeds() throws Exception {
        boolean poisoned = backend().poison(store);
        try (var threads = Executors.newFixedThreadPool(GOOD_PER_ROUND + 1)) {
            for (int round = 0; round < ROUNDS; round++) {
                var start = new CountDownLatch(1);
                var good = new ArrayList<Future<?>>();
                for (int i = 0; i < GOOD_PER_ROUND; i++) {
                    String stream = "good-" + round + "-" + i;
                    good.add(threads.submit(() -> {
                        start.await();
                        return store.append(stream, noStream(), event("Opened"));
                    }));
                }
                String poisonedStream = "poisoned-" + round;
                Future<?> bad = threads.submit(() -> {
                    start.await();
                    return store.append(poisonedStream, noStream(), List.of(TestEvents.poisoned("Opened")));
                });
                start.countDown();
                for (var append : good) {
                    append.get();
                }
                if (poisoned) {
                    assertThatThrownBy(bad::get)
                            .cause()
                            .isInstanceOf(EventStoreException.class)
                            .isNotInstanceOf(InvalidAppendException.class);
                    assertThat(stream(poisonedStream)).isEmpty();
                } else {
                    bad.get();
                }
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < GOOD_PER_ROUND; i++) {
                assertThat(stream("good-" + round + "-" + i)).hasSize(1);
            }
        }
        assertThat(all()).hasSize(ROUNDS * GOOD_PER_ROUND + (poisoned ? 0 : ROUNDS));
    }
}

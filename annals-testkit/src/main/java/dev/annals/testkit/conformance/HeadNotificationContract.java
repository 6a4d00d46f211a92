package dev.annals.testkit.conformance;

import dev.annals.store.HeadListener;
import dev.annals.store.HeadNotifier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.testkit.conformance.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live subscriptions are woken by head notifications ({@link HeadNotifier}) instead of polling. A backend
 * that has them keeps them when it is wrapped in a decorator (asked through {@code capability}), so a
 * validating or instrumented store never silently falls back to polling.
 */
abstract class HeadNotificationContract extends StoreContract {

    @Test
    void a_listener_learns_the_new_head_after_an_append() {
        var notifier = store.capability(HeadNotifier.class);
        if (!backend().notifiesHead()) {
            assertThat(notifier)
                    .as("a backend that declares no head notifications offers none")
                    .isEmpty();
            return;
        }
        assertThat(notifier).as("head notifications, decorated or not").isPresent();
        var seen = new AtomicLong();
        HeadListener listener = head -> seen.accumulateAndGet(head, Math::max);
        notifier.get().addHeadListener(listener);
        try {
            var result = store.append("account-1", noStream(), event("A"));

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= result.position());
        } finally {
            notifier.get().removeHeadListener(listener);
        }
    }
}

package dev.annals.subscription;

import dev.annals.event.RecordedEvent;
import java.util.List;

/**
 * Receives a subscription's events, in batches, on the subscription's delivery thread.
 *
 * <p>Within and across batches, positions are strictly increasing and no selected event is skipped.
 * A batch holds what was buffered when the previous one returned: one event when the subscriber keeps
 * up with live appends, up to {@link SubscriptionOptions#maxBatch()} when it catches up.
 */
@FunctionalInterface
public interface Subscriber {

    /**
     * Handles {@code events} (never empty). Throwing stops the subscription, which then reports the
     * exception from {@link Subscription#failure()}; events of a failed batch count as not delivered.
     */
    void onEvents(List<RecordedEvent> events) throws Exception;
}

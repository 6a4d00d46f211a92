package dev.annals.drill.load;

import dev.annals.drill.check.ReadModelView;
import dev.annals.drill.check.SubscriberLog;
import dev.annals.event.RecordedEvent;
import dev.annals.store.EventReader;
import dev.annals.store.ReadSource;
import dev.annals.subscription.Subscription;
import dev.annals.subscription.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A live subscriber on the {@code drill} category that keeps the balances of the drill's accounts in
 * memory: both a subscriber whose deliveries the checker compares with the log, and a read model it compares
 * with a clean rebuild. It may be told to be slow ({@code delayPerEvent}), for the slow-consumer drill.
 */
public final class LiveAccounts implements SubscriberLog, ReadModelView, AutoCloseable {

    private final String streamPrefix;
    private final Duration delayPerEvent;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Long> balances = new HashMap<>();
    private long position;
    private Subscription subscription;

    private LiveAccounts(String streamPrefix, long from, Duration delayPerEvent) {
        this.streamPrefix = streamPrefix;
        this.position = from;
        this.delayPerEvent = delayPerEvent;
    }

    /** Subscribes to the drill's accounts on {@code reader} after position {@code from}. */
    public static LiveAccounts start(
            EventReader reader, String streamPrefix, long from, SubscriptionOptions options, Duration delayPerEvent) {
        var live = new LiveAccounts(streamPrefix, from, delayPerEvent);
        live.subscription = Subscription.start(
                "drill-live", reader, new ReadSource.Category("drill"), from, options, live::onEvents);
        return live;
    }

    private void onEvents(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            if (!delayPerEvent.isZero()) {
                LockSupport.parkNanos(delayPerEvent.toNanos());
            }
            if (!event.stream().startsWith(streamPrefix)) {
                continue;
            }
            long delta = DrillEvent.codec().decode(event).stream()
                    .mapToLong(DrillEvent::delta)
                    .sum();
            synchronized (this) {
                received.add(new Received(event.position(), event.eventId()));
                balances.merge(event.stream(), delta, Long::sum);
                position = event.position();
            }
        }
    }

    @Override
    public String name() {
        return "live balances";
    }

    @Override
    public synchronized Snapshot snapshot() {
        return new Snapshot(position, balances);
    }

    @Override
    public synchronized List<Received> receivedSince(int from) {
        return List.copyOf(received.subList(Math.min(from, received.size()), received.size()));
    }

    /** The last position delivered. */
    public synchronized long position() {
        return position;
    }

    /** Why the subscription stopped by itself, if it did: a drill fails on it. */
    public String failure() {
        return subscription.failure().map(Throwable::toString).orElse("");
    }

    /**
     * Waits until the subscriber has handled {@code target}.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitPosition(long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscription.processedThrough() < target) {
            if (System.nanoTime() > deadline || !subscription.isRunning()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    @Override
    public void close() {
        subscription.close();
    }
}

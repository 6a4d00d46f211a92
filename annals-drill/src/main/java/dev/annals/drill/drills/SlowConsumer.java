package dev.annals.drill.drills;

import dev.annals.backend.OpenOptions;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.DrillSession;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.load.RunningLoad;
import dev.annals.subscription.SubscriptionOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code slow-consumer}: a live subscriber far slower than the writers (25 ms per event, a buffer of 20 and
 * pages of 10). Each fault is a burst of writes that leaves it behind; the heap must not grow with the
 * backlog (back-pressure keeps at most a buffer and a page in memory), and it must catch up once the burst
 * ends. Recovery is the time from the burst's end until it has handled the head.
 *
 * <p>A burst ends after its time or after {@link #mostBehind} appends, whichever comes first. Bounded by time
 * alone, a quick machine's writers left a backlog that 25 ms an event could not clear within the recovery limit
 * (3,252 events in 2 s: 81 s), and the drill failed for the machine's speed, not for the subscriber.
 */
public final class SlowConsumer implements Drill {

    private static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
    private static final SubscriptionOptions SMALL = new SubscriptionOptions(10, 20, 5, Duration.ofMillis(100));
    private static final Duration DELAY_PER_EVENT = Duration.ofMillis(25);

    @Override
    public String name() {
        return "slow-consumer";
    }

    @Override
    public String summary() {
        return "a subscriber far slower than the writers: memory stays bounded, and it catches up afterwards";
    }

    @Override
    public DrillSession start(DrillSettings settings, String streamPrefix) {
        var load = RunningLoad.withSlowSubscriber(
                settings.backends().open(settings.location(), OpenOptions.defaults()),
                streamPrefix,
                SMALL,
                DELAY_PER_EVENT);
        var burst = Duration.ofMillis(settings.quick() ? 700 : 2000);
        int most = mostBehind(settings.quick());
        var headAfterBurst = new AtomicLong();
        return new LoadSession(load, number -> {
                    long before = usedHeap();
                    int acknowledged = load.ledger().size();
                    long started = System.nanoTime();
                    load.startWriters();
                    load.ledger().awaitMoreThan(acknowledged + most - 1, burst);
                    load.stopWriters();
                    long lasted = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    headAfterBurst.set(load.deployment().store().headPosition());
                    long behind = headAfterBurst.get() - load.live().position();
                    long growth = usedHeap() - before;
                    if (growth > HEAP_GROWTH_LIMIT) {
                        throw new DrillFailure("the heap grew by " + growth / (1024 * 1024)
                                + " MiB while the subscriber was " + behind + " events behind: no back-pressure");
                    }
                    return "burst of " + (load.ledger().size() - acknowledged) + " appends in " + lasted
                            + " ms left the subscriber " + behind
                            + " events behind; heap " + (growth >= 0 ? "+" : "") + growth / 1024 + " KiB";
                })
                .recoveringWhen(() -> {
                    if (!load.live().awaitPosition(headAfterBurst.get(), RunningLoad.RECOVERY_LIMIT)) {
                        throw new DrillFailure("the slow subscriber did not catch up with position "
                                + headAfterBurst.get() + " within " + RunningLoad.RECOVERY_LIMIT.toSeconds() + " s "
                                + load.live().failure());
                    }
                });
    }

    /**
     * The most appends one burst makes: enough to leave the subscriber far behind its buffer, few enough for it to
     * catch up within half the recovery limit (a fifth of it with {@code --quick}, to keep the build short).
     */
    public static int mostBehind(boolean quick) {
        long catchUpMillis = RunningLoad.RECOVERY_LIMIT.toMillis() / (quick ? 5 : 2);
        return (int) (catchUpMillis / DELAY_PER_EVENT.toMillis());
    }

    private static long usedHeap() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

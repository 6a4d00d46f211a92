package dev.annals.drill.load;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.RetryPolicy;
import dev.annals.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drills' write load: one thread per account stream ({@code PREFIX0}, {@code PREFIX1}, ...), each
 * deciding deposits and withdrawals through a {@link CommandHandler}, so that every append carries the
 * version it was decided on. A failed command (the fault at work) is counted and tried again shortly, as
 * an application would; every accepted one is passed to the acknowledgement sink.
 */
public final class LoadWriters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadWriters.class);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    private LoadWriters() {}

    /**
     * Starts {@code count} writers on {@code store}.
     *
     * @param pauseMillis how long each writer rests between commands (0 for as fast as it can)
     */
    public static LoadWriters start(
            EventStore store, String streamPrefix, int count, long pauseMillis, Consumer<Ack> acknowledged) {
        var writers = new LoadWriters();
        var handler = new CommandHandler<>(store, new DrillAccount(), DrillEvent.codec(), new RetryPolicy(20));
        for (int n = 0; n < count; n++) {
            String stream = streamPrefix + n;
            writers.threads.add(Thread.ofPlatform()
                    .name("drill-writer-" + n)
                    .daemon()
                    .start(() -> writers.write(handler, stream, pauseMillis, acknowledged)));
        }
        return writers;
    }

    private void write(
            CommandHandler<DrillCommand, Long, DrillEvent> handler,
            String stream,
            long pauseMillis,
            Consumer<Ack> acknowledged) {
        var random = ThreadLocalRandom.current();
        while (running) {
            DrillCommand command = random.nextInt(3) == 0
                    ? new DrillCommand.Withdraw(1 + random.nextInt(50))
                    : new DrillCommand.Deposit(1 + random.nextInt(100));
            try {
                if (handler.handle(stream, command) instanceof CommandOutcome.Accepted<DrillEvent> accepted) {
                    long delta = accepted.events().stream()
                            .mapToLong(DrillEvent::delta)
                            .sum();
                    acknowledged.accept(
                            new Ack(stream, accepted.streamVersion(), accepted.position(), delta, accepted.eventIds()));
                }
                rest(pauseMillis);
            } catch (RuntimeException e) {
                // The fault the drill injected: an application would retry, so the writer does, shortly.
                if (failures.incrementAndGet() % 100 == 1) {
                    LOG.debug("drill writer on stream {} failed: {}", stream, e.toString());
                }
                rest(Math.max(pauseMillis, 20));
            }
        }
    }

    private static void rest(long millis) {
        if (millis > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    /** How many commands failed (and were tried again). */
    public long failures() {
        return failures.get();
    }

    /** Stops the writers and waits for them: no append is under way afterwards. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

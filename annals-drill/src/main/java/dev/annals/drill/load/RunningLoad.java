package dev.annals.drill.load;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Deployment;
import dev.annals.drill.DrillFailure;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.check.ReadModelView;
import dev.annals.subscription.SubscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load most drills run in their own process: writers, a live subscriber with its balances, and any
 * read model the drill adds, on one deployment. The drill injects its fault around it.
 */
public final class RunningLoad implements AutoCloseable {

    /** How long a drill waits for the system to work again before it gives up. */
    public static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private final Deployment deployment;
    private final String streamPrefix;
    private final int writerCount;
    private final long pauseMillis;
    private final Ledger ledger = new Ledger();
    private final long baseline;
    private final LiveAccounts live;
    private final List<ReadModelView> readModels = new ArrayList<>();
    private LoadWriters writers;

    private RunningLoad(
            Deployment deployment,
            String streamPrefix,
            int writerCount,
            long pauseMillis,
            SubscriptionOptions subscription,
            Duration subscriberDelay) {
        this.deployment = deployment;
        this.streamPrefix = streamPrefix;
        this.writerCount = writerCount;
        this.pauseMillis = pauseMillis;
        this.baseline = deployment.store().headPosition();
        this.live = LiveAccounts.start(deployment.store(), streamPrefix, baseline, subscription, subscriberDelay);
        this.readModels.add(live);
    }

    /** Starts writers and a live subscriber on {@code deployment}. */
    public static RunningLoad start(Deployment deployment, String streamPrefix, boolean quick) {
        var load = new RunningLoad(
                deployment, streamPrefix, quick ? 2 : 4, quick ? 5 : 0, SubscriptionOptions.defaults(), Duration.ZERO);
        load.startWriters();
        return load;
    }

    /**
     * A live subscriber slower than the writers by {@code delayPerEvent}, with a small buffer; the writers
     * start with {@link #startWriters()}.
     */
    public static RunningLoad withSlowSubscriber(
            Deployment deployment, String streamPrefix, SubscriptionOptions subscription, Duration delayPerEvent) {
        return new RunningLoad(deployment, streamPrefix, 4, 0, subscription, delayPerEvent);
    }

    /** Starts (again) the writers. */
    public void startWriters() {
        writers = LoadWriters.start(deployment.store(), streamPrefix, writerCount, pauseMillis, ledger);
    }

    /** Stops the writers; none is appending afterwards. */
    public void stopWriters() {
        if (writers != null) {
            writers.close();
            writers = null;
        }
    }

    /** True while the writers run. */
    public boolean writing() {
        return writers != null;
    }

    /** Adds a read model the checker compares with a clean rebuild. */
    public void addReadModel(ReadModelView view) {
        readModels.add(view);
    }

    /** The head when the load started. */
    public long baseline() {
        return baseline;
    }

    /** The deployment. */
    public Deployment deployment() {
        return deployment;
    }

    /** The acknowledged appends. */
    public Ledger ledger() {
        return ledger;
    }

    /** The live subscriber. */
    public LiveAccounts live() {
        return live;
    }

    /** How many commands failed so far (the fault at work). */
    public long failures() {
        return writers == null ? 0 : writers.failures();
    }

    /**
     * Waits for an append acknowledged after {@code count} others: the store takes writes again.
     *
     * @throws DrillFailure when none comes within {@link #RECOVERY_LIMIT}
     */
    public void awaitAckAfter(int count) throws InterruptedException {
        if (!ledger.awaitMoreThan(count, RECOVERY_LIMIT)) {
            throw new DrillFailure("no append was acknowledged within " + RECOVERY_LIMIT.toSeconds()
                    + " s of the fault's end: the store did not recover");
        }
    }

    /**
     * Waits until a command fails after {@code failures} failures (the fault is felt).
     *
     * @return false when none failed within {@code timeout}
     */
    public boolean awaitFailureAfter(long failures, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failures() <= failures) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /** What the checker reads. */
    public Evidence evidence() {
        return new Evidence(
                deployment.store(), ledger, List.of(live), readModels, deployment.capability(AuditTrail.class));
    }

    /**
     * Stops the writers and waits for the live subscriber to reach the head.
     *
     * @throws DrillFailure when it does not within {@link #RECOVERY_LIMIT}
     */
    public void stop() {
        stopWriters();
        long head = deployment.store().headPosition();
        if (!live.awaitPosition(head, RECOVERY_LIMIT)) {
            throw new DrillFailure("the live subscriber did not reach the head " + head + " within "
                    + RECOVERY_LIMIT.toSeconds() + " s " + live.failure());
        }
    }

    /** Stops everything and closes the deployment. */
    @Override
    public void close() {
        try {
            stopWriters();
            live.close();
        } finally {
            deployment.close();
        }
    }
}

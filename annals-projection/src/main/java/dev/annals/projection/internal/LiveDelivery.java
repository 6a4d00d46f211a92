package dev.annals.projection.internal;

import dev.annals.projection.ProjectionStates;
import dev.annals.projection.ReadModelStore;
import dev.annals.subscription.Subscription;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live read model's subscription: started from the checkpoint, restarted when it stops, except while
 * it stands on a dead letter that is still open (a projection that stops on errors waits until the letter
 * is retried or skipped); and, after a reset, whether it has caught up with the head of that moment.
 *
 * <p>Driven by the runner's control thread; the getters may be read from any thread.
 *
 * @param <C> the handlers' context type
 */
public final class LiveDelivery<C> {

    /** Starts a subscription delivering into one read-model version, under a checkpoint key, from a position. */
    @FunctionalInterface
    public interface Subscriber {
        Subscription subscribe(String key, int version, long checkpoint);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveDelivery.class);

    private final String name;
    private final ProjectionStates states;
    private final ReadModelStore<C> target;
    private final Subscriber subscriber;
    private final Consumer<String> errors;
    private volatile Subscription live;
    private volatile long stoppedOn;
    private volatile long rebuildTarget = -1;

    /**
     * @param errors told the failure of a subscription that stopped, and "" once the projection goes on
     */
    public LiveDelivery(
            String name,
            ProjectionStates states,
            ReadModelStore<C> target,
            Subscriber subscriber,
            Consumer<String> errors) {
        this.name = name;
        this.states = states;
        this.target = target;
        this.subscriber = subscriber;
        this.errors = errors;
    }

    /** Keeps a subscription into {@code version} running, unless it stands on an open dead letter. */
    public void ensure(int version) throws Exception {
        var current = live;
        if (current != null && !current.isRunning()) {
            live = null;
            current.close();
            var failure = current.failure();
            if (failure.isPresent() && failure.get() instanceof StoppedOnErrorException stopped) {
                stoppedOn = stopped.deadLetterId();
            }
            errors.accept(failure.map(Throwable::toString).orElse(""));
        }
        if (stoppedOn != 0) {
            var letter = states.deadLetter(stoppedOn);
            if (letter.isPresent() && letter.get().status().open()) {
                return;
            }
            LOG.info(
                    "projection {} going on: dead letter {} it stopped on is {}",
                    name,
                    stoppedOn,
                    letter.map(l -> l.status().toString()).orElse("gone"));
            stoppedOn = 0;
            errors.accept("");
        }
        if (live == null) {
            target.transact(tx -> {
                tx.ensureVersion(name, version);
                return null;
            });
            live = subscriber.subscribe(name, version, states.checkpoint(name));
        }
        if (rebuildTarget >= 0 && live.processedThrough() >= rebuildTarget) {
            LOG.info("projection {} rebuilt up to position {}", name, rebuildTarget);
            rebuildTarget = -1;
        }
    }

    /** Starts over after a reset (the subscription is closed): replaying from the start up to {@code head}. */
    public void restartedUpTo(long head) {
        stoppedOn = 0;
        rebuildTarget = head;
    }

    /** Forgets the dead letter it stood on: a new version was promoted. */
    public void promoted() {
        stoppedOn = 0;
    }

    /** True while it stands on an open dead letter. */
    public boolean stoppedOnError() {
        return stoppedOn != 0;
    }

    /** True while a reset's replay has not reached the head it started with. */
    public boolean catchingUp() {
        return rebuildTarget >= 0;
    }

    /** True while a subscription runs. */
    public boolean running() {
        return live != null;
    }

    /** The position up to which the live read model has processed every event of its source. */
    public long processedThrough() {
        var current = live;
        return current != null ? current.processedThrough() : states.checkpoint(name);
    }

    /** The live subscription's checkpoint. */
    public long checkpoint() {
        var current = live;
        return current != null ? current.position() : states.checkpoint(name);
    }

    /** Stops the subscription, if any (a batch being handled finishes first). */
    public void close() {
        var current = live;
        live = null;
        if (current != null) {
            current.close();
        }
    }
}

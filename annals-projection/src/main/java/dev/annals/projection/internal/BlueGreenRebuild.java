package dev.annals.projection.internal;

import dev.annals.projection.ReadModelStore;
import dev.annals.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blue/green rebuild of one projection: a second subscription builds the next read-model version from
 * the start while the live version keeps serving queries; once it has caught up with the live one, the
 * runner stops the live subscription and the new version is promoted in one unit of work.
 *
 * <p>Driven by the runner's control thread only; {@link #inProgress()} may be read from any thread.
 *
 * @param <C> the handlers' context type
 */
public final class BlueGreenRebuild<C> {

    /** What one step of the rebuild found. */
    public enum Progress {
        /** Still replaying, or just started. */
        BUILDING,
        /** Has processed as far as the live version: ready to be promoted. */
        CAUGHT_UP,
        /** Its subscription stopped on a failure; the live version stays, the request is cleared. */
        FAILED
    }

    /** Starts a subscription from the start that delivers into one read-model version under its own key. */
    @FunctionalInterface
    public interface Subscriber {
        Subscription subscribe(String key, int version);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BlueGreenRebuild.class);

    private final String name;
    private final ReadModelStore<C> target;
    private final Subscriber subscriber;
    private volatile Subscription building;
    private int version;
    private String failure = "";

    public BlueGreenRebuild(String name, ReadModelStore<C> target, Subscriber subscriber) {
        this.name = name;
        this.target = target;
        this.subscriber = subscriber;
    }

    /** True while a version is being built. */
    public boolean inProgress() {
        return building != null;
    }

    /**
     * Starts building version {@code liveVersion + 1} when none is being built, or tells how far the one
     * being built has come against the live version's {@code liveProcessedThrough}.
     */
    public Progress step(int liveVersion, long liveProcessedThrough) throws Exception {
        var current = building;
        if (current == null) {
            start(liveVersion + 1);
            return Progress.BUILDING;
        }
        if (!current.isRunning()) {
            close();
            failure = "blue/green rebuild of version " + version + " failed: "
                    + current.failure().map(Throwable::toString).orElse("stopped");
            LOG.error("projection {} {}; version {} stays live", name, failure, liveVersion);
            target.transact(tx -> {
                tx.promote(name, liveVersion, liveVersion);
                return null;
            });
            return Progress.FAILED;
        }
        return current.processedThrough() >= liveProcessedThrough ? Progress.CAUGHT_UP : Progress.BUILDING;
    }

    /** Why the last rebuild failed, after {@link Progress#FAILED}. */
    public String failure() {
        return failure;
    }

    /**
     * Stops the caught-up build and promotes its version, taking over its checkpoint; call once the live
     * subscription has stopped.
     *
     * @return the new live version
     */
    public int promote(int liveVersion) throws Exception {
        close();
        String key = key();
        int newVersion = version;
        long checkpoint = target.transact(tx -> {
            long built = tx.checkpoint(key);
            tx.promote(name, newVersion, liveVersion);
            tx.saveCheckpoint(name, built);
            tx.deleteCheckpoint(key);
            return built;
        });
        LOG.info(
                "projection {} switched from version {} to version {} at checkpoint {}",
                name,
                liveVersion,
                newVersion,
                checkpoint);
        return newVersion;
    }

    /** Stops the build, if any (a batch being handled finishes first). */
    public void close() {
        var current = building;
        building = null;
        if (current != null) {
            current.close();
        }
    }

    private void start(int newVersion) throws Exception {
        version = newVersion;
        String key = key();
        target.transact(tx -> {
            tx.prepareVersion(name, newVersion);
            tx.deleteCheckpoint(key);
            return null;
        });
        LOG.info("projection {} building version {} beside live version {}", name, newVersion, newVersion - 1);
        building = subscriber.subscribe(key, newVersion);
    }

    private String key() {
        return name + "@v" + version;
    }
}

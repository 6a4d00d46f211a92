package dev.annals.projection;

import dev.annals.projection.internal.Deliverer;
import dev.annals.projection.internal.LagMeter;
import dev.annals.projection.internal.ProjectionGauges;
import dev.annals.projection.internal.Redelivery;
import dev.annals.projection.internal.Signals;
import dev.annals.projection.internal.StoppedOnErrorException;
import dev.annals.store.EventReader;
import dev.annals.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs one projection: subscribes from its checkpoint, delivers in order through its
 * {@link ReadModelStore}, and obeys the requests found in its {@link ProjectionStates} (pause, resume,
 * rebuild, dead-letter retries) within one {@link ProjectionOptions#controlInterval()}, whichever process
 * made them.
 *
 * <p>A control thread (virtual) reads the requests, manages the subscriptions, reports the health to the
 * states store and keeps the gauges fresh. A blue/green rebuild runs a second subscription into the next
 * read-model version while the live one keeps serving; when it has caught up with the live one, both stop,
 * the new version is promoted in one unit of work, and delivery resumes on it.
 *
 * @param <C> the handlers' context type
 */
public final class ProjectionRunner<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

    private final Projection<C> projection;
    private final String name;
    private final EventReader reader;
    private final ReadModelStore<C> target;
    private final ProjectionStates states;
    private final ProjectionOptions options;
    private final LagMeter lag;
    private final Redelivery<C> redelivery;
    private final Signals signals = new Signals();
    private final Thread control;
    private final ProjectionGauges gauges;
    private volatile Subscription live;
    private volatile Subscription shadow;
    private volatile ProjectionHealth lastHealth;
    private volatile boolean closing;
    private volatile boolean paused;
    private volatile long stoppedOn;
    private volatile long rebuildTarget = -1;
    private volatile String error = "";
    private int liveVersion = 1;
    private int shadowVersion;
    private boolean versionEnsured;

    private ProjectionRunner(Projection<C> projection, EventReader reader, ReadModelStore<C> target,
                             ProjectionOptions options) {
        this.projection = projection;
        this.name = projection.name();
        this.reader = reader;
        this.target = target;
        this.states = target.states();
        this.options = options;
        this.lag = new LagMeter(name, reader, projection.source(), options.clock());
        this.redelivery = new Redelivery<>(projection, reader, target, options.clock());
        long checkpoint = states.checkpoint(name);
        this.lastHealth = new ProjectionHealth(name, ProjectionState.RUNNING, checkpoint, checkpoint, 0, 0, 0, "",
                options.clock().instant());
        this.gauges = new ProjectionGauges(options.meterRegistry(), name, () -> lastHealth);
        this.control = Thread.ofVirtual().name("projection-" + name).unstarted(this::run);
    }

    /**
     * Starts running {@code projection} on the events of {@code reader}, writing through {@code target}.
     * The caller keeps ownership of {@code target} and closes it after the runner.
     */
    public static <C> ProjectionRunner<C> start(Projection<C> projection, EventReader reader,
                                                ReadModelStore<C> target, ProjectionOptions options) {
        var runner = new ProjectionRunner<>(requireNonNull(projection, "projection"),
                requireNonNull(reader, "reader"), requireNonNull(target, "target"), requireNonNull(options, "options"));
        runner.control.start();
        return runner;
    }

    private void run() {
        LOG.info("projection {} starting at checkpoint {}", name, states.checkpoint(name));
        while (!closing) {
            try {
                tick();
            } catch (Exception e) {
                error = e.toString();
                LOG.error("projection {} control step failed, trying again in {}: {}", name,
                        options.controlInterval(), e.toString());
            }
            awaitWake();
        }
        closeSubscriptions();
        report(ProjectionState.STOPPED);
        LOG.info("projection {} stopped at checkpoint {}", name, states.checkpoint(name));
    }

    private void tick() throws Exception {
        var requested = states.control(name);
        liveVersion = requested.liveVersion();
        paused = requested.paused();
        if (!versionEnsured) {
            // Queries need the read model's tables and views even before the first event, or while paused.
            int version = liveVersion;
            target.transact(tx -> {
                tx.ensureVersion(name, version);
                return null;
            });
            versionEnsured = true;
        }
        redelivery.serveRequests(liveVersion);
        if (paused) {
            closeSubscriptions();
        } else {
            switch (requested.rebuild()) {
                case RESET -> reset();
                case BLUE_GREEN -> blueGreen();
                case NONE -> { }
            }
            ensureLive();
        }
        report(state());
    }

    private void reset() throws Exception {
        closeSubscriptions();
        int version = liveVersion;
        target.transact(tx -> {
            tx.prepareVersion(name, version);
            tx.saveCheckpoint(name, 0);
            tx.promote(name, version, version);
            return null;
        });
        stoppedOn = 0;
        error = "";
        rebuildTarget = reader.headPosition();
        LOG.info("projection {} reset version {}; replaying up to head {} from the start", name, version, rebuildTarget);
    }

    private void blueGreen() throws Exception {
        var building = shadow;
        if (building == null) {
            shadowVersion = liveVersion + 1;
            String key = shadowKey();
            int version = shadowVersion;
            target.transact(tx -> {
                tx.prepareVersion(name, version);
                tx.deleteCheckpoint(key);
                return null;
            });
            LOG.info("projection {} building version {} beside live version {}", name, version, liveVersion);
            shadow = subscribe(key, version, 0);
        } else if (!building.isRunning()) {
            closeShadow();
            error = "blue/green rebuild of version " + shadowVersion + " failed: "
                    + building.failure().map(Throwable::toString).orElse("stopped");
            LOG.error("projection {} {}; version {} stays live", name, error, liveVersion);
            int version = liveVersion;
            target.transact(tx -> {
                tx.promote(name, version, version);
                return null;
            });
        } else if (building.processedThrough() >= processedThrough()) {
            promoteShadow();
        }
    }

    private void promoteShadow() throws Exception {
        closeSubscriptions();
        String key = shadowKey();
        int oldVersion = liveVersion;
        int newVersion = shadowVersion;
        long checkpoint = target.transact(tx -> {
            long built = tx.checkpoint(key);
            tx.promote(name, newVersion, oldVersion);
            tx.saveCheckpoint(name, built);
            tx.deleteCheckpoint(key);
            return built;
        });
        liveVersion = newVersion;
        stoppedOn = 0;
        LOG.info("projection {} switched from version {} to version {} at checkpoint {}", name, oldVersion,
                newVersion, checkpoint);
    }

    private void ensureLive() throws Exception {
        var current = live;
        if (current != null && !current.isRunning()) {
            live = null;
            current.close();
            var failure = current.failure();
            if (failure.isPresent() && failure.get() instanceof StoppedOnErrorException stopped) {
                stoppedOn = stopped.deadLetterId();
            }
            error = failure.map(Throwable::toString).orElse("");
        }
        if (stoppedOn != 0) {
            var letter = states.deadLetter(stoppedOn);
            if (letter.isPresent() && letter.get().status().open()) {
                return;
            }
            LOG.info("projection {} going on: dead letter {} it stopped on is {}", name, stoppedOn,
                    letter.map(l -> l.status().toString()).orElse("gone"));
            stoppedOn = 0;
            error = "";
        }
        if (live == null) {
            int version = liveVersion;
            target.transact(tx -> {
                tx.ensureVersion(name, version);
                return null;
            });
            live = subscribe(name, version, states.checkpoint(name));
        }
        if (rebuildTarget >= 0 && live.processedThrough() >= rebuildTarget) {
            LOG.info("projection {} rebuilt up to position {}", name, rebuildTarget);
            rebuildTarget = -1;
        }
    }

    private Subscription subscribe(String key, int version, long checkpoint) {
        return Subscription.start(key, reader, projection.source(), checkpoint, options.subscription(),
                new Deliverer<>(projection, target, key, version, options), signals::progress);
    }

    private String shadowKey() {
        return name + "@v" + shadowVersion;
    }

    private ProjectionState state() {
        if (closing && live == null) {
            return ProjectionState.STOPPED;
        }
        if (paused) {
            return ProjectionState.PAUSED;
        }
        if (stoppedOn != 0) {
            return ProjectionState.STOPPED_ON_ERROR;
        }
        if (shadow != null || rebuildTarget >= 0) {
            return ProjectionState.REBUILDING;
        }
        return ProjectionState.RUNNING;
    }

    private void report(ProjectionState state) {
        try {
            var current = live;
            long checkpoint = current != null ? current.position() : states.checkpoint(name);
            int letters = states.deadLetters(Optional.of(name)).size();
            var health = lag.measure(state, checkpoint, processedThrough(), letters, error);
            lastHealth = health;
            states.report(health);
        } catch (RuntimeException e) {
            LOG.warn("projection {} could not report its health: {}", name, e.toString());
        }
    }

    /** The position up to which the live read model has processed every event of its source. */
    public long processedThrough() {
        var current = live;
        return current != null ? current.processedThrough() : states.checkpoint(name);
    }

    /**
     * Returns once the live read model has processed {@code position} (an append's position, say), so
     * that a query sees that write.
     *
     * @throws ProjectionLagException carrying the current lag when {@code timeout} passes first
     */
    public void awaitPosition(long position, Duration timeout) {
        requireNonNull(timeout, "timeout");
        try {
            if (signals.awaitProgress(() -> processedThrough() >= position, timeout)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProjectionLagException(name, position, timeout, health());
    }

    /** The projection's health measured now. */
    public ProjectionHealth health() {
        var current = live;
        long checkpoint = current != null ? current.position() : states.checkpoint(name);
        return lag.measure(state(), checkpoint, processedThrough(), states.deadLetters(Optional.of(name)).size(),
                error);
    }

    /** The health the runner measured at its last control step: what the gauges show. */
    public ProjectionHealth lastHealth() {
        return lastHealth;
    }

    /** Asks the runner to pause, as {@link ProjectionStates#pause} does, and acts on it now. */
    public void pause() {
        states.pause(name);
        wake();
    }

    /** Asks the runner to resume and acts on it now. */
    public void resume() {
        states.resume(name);
        wake();
    }

    /** Asks for a rebuild as {@code mode} says and starts it now. */
    public void rebuild(RebuildMode mode) {
        states.requestRebuild(name, requireNonNull(mode, "mode"));
        wake();
    }

    /** Makes the control thread look at the requests now rather than at its next interval. */
    public void wake() {
        signals.wake();
    }

    private void awaitWake() {
        try {
            signals.awaitWake(options.controlInterval(), () -> closing);
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    private void closeSubscriptions() {
        closeShadow();
        var current = live;
        live = null;
        if (current != null) {
            current.close();
        }
    }

    private void closeShadow() {
        var building = shadow;
        shadow = null;
        if (building != null) {
            building.close();
        }
    }

    /** Stops delivering (a batch being handled finishes first) and reports the projection stopped. */
    @Override
    public void close() {
        closing = true;
        wake();
        try {
            control.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gauges.close();
    }
}

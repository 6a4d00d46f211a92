package dev.annals.projection;

import dev.annals.projection.internal.BlueGreenRebuild;
import dev.annals.projection.internal.Deliverer;
import dev.annals.projection.internal.LagMeter;
import dev.annals.projection.internal.LiveDelivery;
import dev.annals.projection.internal.ProjectionGauges;
import dev.annals.projection.internal.Signals;
import dev.annals.store.EventReader;
import dev.annals.subscription.PositionAwaiter;
import dev.annals.subscription.Subscription;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs one projection: subscribes from its checkpoint, delivers in order through its
 * {@link ReadModelStore}, and obeys the requests found in its {@link ProjectionStates} (pause, resume,
 * rebuild, dead-letter retries) within one {@link ProjectionOptions#controlInterval()}, whichever process
 * made them.
 *
 * <p>A control thread (virtual) reads the requests, manages the subscriptions, reports the health to the
 * states store and keeps the gauges fresh. The live subscription's life (restarts, standing on a dead
 * letter, catching up after a reset) is {@code LiveDelivery}'s; a blue/green rebuild, which runs a second
 * subscription into the next read-model version while the live one keeps serving and is promoted in one
 * unit of work once it has caught up, is {@code BlueGreenRebuild}'s.
 *
 * @param <C> the handlers' context type
 */
public final class ProjectionRunner<C> implements AutoCloseable, PositionAwaiter {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

    private final Projection<C> projection;
    private final String name;
    private final EventReader reader;
    private final ReadModelStore<C> target;
    private final ProjectionStates states;
    private final ProjectionOptions options;
    private final LagMeter lag;
    private final Redelivery<C> redelivery;
    private final Signals signals = new Signals(this::processedThrough);
    private final Thread control;
    private final ProjectionGauges gauges;
    private final BlueGreenRebuild<C> blueGreen;
    private final LiveDelivery<C> live;
    private volatile ProjectionHealth lastHealth;
    private volatile boolean closing;
    private volatile boolean paused;
    private volatile String error = "";
    private int liveVersion = 1;
    private boolean versionEnsured;

    private ProjectionRunner(
            Projection<C> projection, EventReader reader, ReadModelStore<C> target, ProjectionOptions options) {
        this.projection = projection;
        this.name = projection.name();
        this.reader = reader;
        this.target = target;
        this.states = target.states();
        this.options = options;
        this.lag = new LagMeter(name, reader, projection.source(), options.clock());
        this.redelivery = Redelivery.forRunner(projection, reader, target, options.clock());
        long checkpoint = states.checkpoint(name);
        this.lastHealth = new ProjectionHealth(
                name,
                ProjectionState.RUNNING,
                checkpoint,
                checkpoint,
                0,
                0,
                0,
                "",
                options.clock().instant());
        this.gauges = new ProjectionGauges(options.meterRegistry(), name, () -> lastHealth);
        this.blueGreen = new BlueGreenRebuild<>(name, target, (key, version) -> subscribe(key, version, 0));
        this.live = new LiveDelivery<>(name, states, target, this::subscribe, text -> error = text);
        this.control = Thread.ofVirtual().name("projection-" + name).unstarted(this::run);
    }

    /**
     * Starts running {@code projection} on the events of {@code reader}, writing through {@code target}.
     * The caller keeps ownership of {@code target} and closes it after the runner.
     */
    public static <C> ProjectionRunner<C> start(
            Projection<C> projection, EventReader reader, ReadModelStore<C> target, ProjectionOptions options) {
        var runner = new ProjectionRunner<>(
                requireNonNull(projection, "projection"),
                requireNonNull(reader, "reader"),
                requireNonNull(target, "target"),
                requireNonNull(options, "options"));
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
                LOG.error(
                        "projection {} control step failed, trying again in {}: {}",
                        name,
                        options.controlInterval(),
                        e.toString());
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
                case NONE -> {}
            }
            live.ensure(liveVersion);
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
        error = "";
        long head = reader.headPosition();
        live.restartedUpTo(head);
        LOG.info("projection {} reset version {}; replaying up to head {} from the start", name, version, head);
    }

    private void blueGreen() throws Exception {
        switch (blueGreen.step(liveVersion, processedThrough())) {
            case BUILDING -> {}
            case FAILED -> error = blueGreen.failure();
            case CAUGHT_UP -> {
                live.close();
                liveVersion = blueGreen.promote(liveVersion);
                live.promoted();
            }
        }
    }

    private Subscription subscribe(String key, int version, long checkpoint) {
        return Subscription.start(
                key,
                reader,
                projection.source(),
                checkpoint,
                options.subscription(),
                new Deliverer<>(projection, target, key, version, options),
                signals::progress);
    }

    private ProjectionState state() {
        if (closing && !live.running()) {
            return ProjectionState.STOPPED;
        }
        if (paused) {
            return ProjectionState.PAUSED;
        }
        if (live.stoppedOnError()) {
            return ProjectionState.STOPPED_ON_ERROR;
        }
        if (blueGreen.inProgress() || live.catchingUp()) {
            return ProjectionState.REBUILDING;
        }
        return ProjectionState.RUNNING;
    }

    private void report(ProjectionState state) {
        try {
            long checkpoint = live.checkpoint();
            int letters = states.deadLetters(Optional.of(name)).size();
            var health = lag.measure(state, checkpoint, processedThrough(), letters, error);
            lastHealth = health;
            states.report(health);
        } catch (RuntimeException e) {
            LOG.warn("projection {} could not report its health: {}", name, e.toString());
        }
    }

    /** The projection's name. */
    @Override
    public String name() {
        return name;
    }

    /** The position up to which the live read model has processed every event of its source. */
    public long processedThrough() {
        return live.processedThrough();
    }

    /**
     * Returns once the live read model has processed {@code position} (an append's position, say), so
     * that a query sees that write.
     *
     * @throws ProjectionLagException carrying the current lag when {@code timeout} passes first
     */
    @Override
    public void awaitPosition(long position, Duration timeout) {
        requireNonNull(timeout, "timeout");
        try {
            if (signals.awaitPosition(position, timeout)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProjectionLagException(name, position, timeout, health());
    }

    /** The projection's health measured now. */
    public ProjectionHealth health() {
        return lag.measure(
                state(),
                live.checkpoint(),
                processedThrough(),
                states.deadLetters(Optional.of(name)).size(),
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
        blueGreen.close();
        live.close();
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

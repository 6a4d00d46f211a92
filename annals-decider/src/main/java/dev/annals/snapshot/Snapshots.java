package dev.annals.snapshot;

import dev.annals.decider.FoldedState;
import dev.annals.serialization.EventJson;
import dev.annals.store.StreamName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The snapshot settings of one entity type paired with the store that keeps its snapshots. A
 * {@code StateLoader} given these starts from the newest valid snapshot.
 *
 * <p>Valid means saved with the same state version as {@code stateVersion}: raise it whenever the
 * state record changes shape (or {@code evolve} changes meaning), and every older snapshot is ignored,
 * so no stale state is ever folded. A snapshot that does not decode is ignored too. Either failure, to save
 * or to restore, is logged and counted in the Micrometer counter {@value #FAILURES} (tags {@code category},
 * the stream's, and {@code operation}, {@code save} or {@code restore}), so that a state that never snapshots
 * shows on a dashboard, not only in a log line.
 *
 * @param <S> the state type
 */
public final class Snapshots<S> {

    /** The counter of snapshots that could not be saved or restored. */
    public static final String FAILURES = "annals.snapshot.failures";

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final SnapshotSettings<S> settings;
    private final SnapshotStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    /** Snapshots of states of {@code stateType} at shape version {@code stateVersion}, taken by {@code policy}. */
    public Snapshots(Class<S> stateType, int stateVersion, SnapshotPolicy policy, SnapshotStore store) {
        this(stateType, stateVersion, policy, store, Clock.systemUTC());
    }

    /** As above, with the clock that stamps snapshots. */
    public Snapshots(Class<S> stateType, int stateVersion, SnapshotPolicy policy, SnapshotStore store, Clock clock) {
        this(
                new SnapshotSettings<>(stateType, stateVersion, policy, EventJson.mapper()),
                store,
                clock,
                Metrics.globalRegistry);
    }

    /** Snapshots as {@code settings} say, kept in {@code store}; failures counted in the global registry. */
    public Snapshots(SnapshotSettings<S> settings, SnapshotStore store) {
        this(settings, store, Clock.systemUTC(), Metrics.globalRegistry);
    }

    /** As above, with the clock that stamps snapshots and the registry that counts failures. */
    public Snapshots(SnapshotSettings<S> settings, SnapshotStore store, Clock clock, MeterRegistry meters) {
        this.settings = requireNonNull(settings, "settings");
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        this.meters = requireNonNull(meters, "meters");
    }

    /** The settings: state type and version, policy, mapper. */
    public SnapshotSettings<S> settings() {
        return settings;
    }

    /** The policy. */
    public SnapshotPolicy policy() {
        return settings.policy();
    }

    /** The store. */
    public SnapshotStore store() {
        return store;
    }

    /** The newest valid snapshot of {@code stream}, decoded; empty when there is none or it does not decode. */
    public Optional<FoldedState<S>> restore(String stream) {
        var newest = store.newest(stream, settings.stateVersion());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        var snapshot = newest.get();
        try {
            return Optional.of(new FoldedState<>(
                    stream, settings.read(snapshot.state()), snapshot.version(), snapshot.position()));
        } catch (SnapshotEncodingException e) {
            failures(stream, "restore").increment();
            LOG.warn(
                    "stream {}: snapshot at version {}, position {} is ignored, folding without it: {}",
                    stream,
                    snapshot.version(),
                    snapshot.position(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves {@code folded} as a snapshot.
     *
     * @throws IllegalArgumentException  when nothing was folded (version -1)
     * @throws SnapshotEncodingException when the state does not encode as JSON (counted as a failure)
     */
    public Snapshot take(FoldedState<S> folded) {
        requireNonNull(folded, "folded");
        if (folded.isInitial()) {
            throw new IllegalArgumentException("stream " + folded.stream() + " has no events to snapshot");
        }
        try {
            var snapshot = new Snapshot(
                    folded.stream(),
                    folded.version(),
                    folded.position(),
                    settings.stateVersion(),
                    settings.write(folded.state()),
                    clock.instant());
            store.save(snapshot);
            LOG.debug(
                    "stream {}: snapshot at version {}, position {}",
                    folded.stream(),
                    folded.version(),
                    folded.position());
            return snapshot;
        } catch (RuntimeException e) {
            failures(folded.stream(), "save").increment();
            throw e;
        }
    }

    private Counter failures(String stream, String operation) {
        return Counter.builder(FAILURES)
                .description("snapshots that could not be saved or restored; loads went on without them")
                .tag("category", StreamName.categoryOf(stream))
                .tag("operation", operation)
                .register(meters);
    }
}

package dev.annals.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.annals.decider.FoldedState;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The snapshot settings of one entity type: the state's class and shape version, the policy and the
 * store. A {@code StateLoader} given these starts from the newest valid snapshot.
 *
 * <p>Valid means saved with the same state version as {@code stateVersion}: raise it whenever the
 * state record changes shape (or {@code evolve} changes meaning), and every older snapshot is ignored,
 * so no stale state is ever folded. A snapshot that does not decode is ignored too, with a warning.
 *
 * @param <S> the state type
 */
public final class Snapshots<S> {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<S> stateType;
    private final int stateVersion;
    private final SnapshotPolicy policy;
    private final SnapshotStore store;
    private final Clock clock;

    /** Snapshots of states of {@code stateType} at shape version {@code stateVersion}, taken by {@code policy}. */
    public Snapshots(Class<S> stateType, int stateVersion, SnapshotPolicy policy, SnapshotStore store) {
        this(stateType, stateVersion, policy, store, Clock.systemUTC());
    }

    /** As above, with the clock that stamps snapshots. */
    public Snapshots(Class<S> stateType, int stateVersion, SnapshotPolicy policy, SnapshotStore store, Clock clock) {
        this.stateType = requireNonNull(stateType, "stateType");
        this.policy = requireNonNull(policy, "policy");
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        if (stateVersion < 1) {
            throw new IllegalArgumentException("a state version is 1 or more, was " + stateVersion);
        }
        this.stateVersion = stateVersion;
    }

    /** The policy. */
    public SnapshotPolicy policy() {
        return policy;
    }

    /** The store. */
    public SnapshotStore store() {
        return store;
    }

    /** The newest valid snapshot of {@code stream}, decoded; empty when there is none. */
    public Optional<FoldedState<S>> restore(String stream) {
        var newest = store.newest(stream, stateVersion);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        var snapshot = newest.get();
        try {
            return Optional.of(new FoldedState<>(
                    stream, JSON.readValue(snapshot.state(), stateType), snapshot.version(), snapshot.position()));
        } catch (JsonProcessingException e) {
            LOG.warn(
                    "stream {}: snapshot at version {}, position {} does not decode as {} v{}; folding without it: {}",
                    stream,
                    snapshot.version(),
                    snapshot.position(),
                    stateType.getSimpleName(),
                    stateVersion,
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves {@code folded} as a snapshot.
     *
     * @throws IllegalArgumentException when nothing was folded (version -1)
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
                    stateVersion,
                    JSON.writeValueAsString(folded.state()),
                    clock.instant());
            store.save(snapshot);
            LOG.debug(
                    "stream {}: snapshot at version {}, position {}",
                    folded.stream(),
                    folded.version(),
                    folded.position());
            return snapshot;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state of stream " + folded.stream() + " does not encode as JSON", e);
        }
    }
}

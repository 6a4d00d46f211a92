package dev.annals.decider;

import dev.annals.event.RecordedEvent;
import dev.annals.serialization.EventCodec;
import dev.annals.snapshot.Snapshots;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamName;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Folds an entity's stream into its state: now, as it was at an instant, or as it was at a version.
 *
 * <p>The temporal forms fold a prefix of the stream, so they show exactly what a decider would have
 * seen then; upcasters apply as on every read. "At an instant" relies on the store's commit clock
 * ({@link RecordedEvent#recordedAt()}) and includes events recorded at that very instant. Thread-safe.
 *
 * @param <S> the state type
 * @param <E> the event type
 */
public final class StateLoader<S, E> {

    private static final Logger LOG = LoggerFactory.getLogger(StateLoader.class);

    private final EventReader reader;
    private final Decider<?, S, E> decider;
    private final EventCodec<E> codec;
    // Absent for a loader without snapshots; kept internal so the public API has no null.
    private final Snapshots<S> snapshots;

    /** A loader reading from {@code reader}, folding with {@code decider}, decoding with {@code codec}. */
    public StateLoader(EventReader reader, Decider<?, S, E> decider, EventCodec<E> codec) {
        this.reader = requireNonNull(reader, "reader");
        this.decider = requireNonNull(decider, "decider");
        this.codec = requireNonNull(codec, "codec");
        this.snapshots = null;
    }

    /**
     * A loader whose {@link #current} starts from the newest valid snapshot in {@code snapshots} and
     * saves a new one when the snapshot policy says so. The temporal loads fold from the start.
     */
    public StateLoader(EventReader reader, Decider<?, S, E> decider, EventCodec<E> codec, Snapshots<S> snapshots) {
        this.reader = requireNonNull(reader, "reader");
        this.decider = requireNonNull(decider, "decider");
        this.codec = requireNonNull(codec, "codec");
        this.snapshots = requireNonNull(snapshots, "snapshots");
    }

    /** The state of {@code stream} after all its events; the initial state at version -1 when it has none. */
    public FoldedState<S> current(String stream) {
        StreamName.validate(stream);
        if (snapshots == null) {
            try (var events = reader.readStream(stream)) {
                return fold(stream, events);
            }
        }
        var start = snapshots.restore(stream).orElseGet(() -> new FoldedState<>(stream, decider.initialState(), -1, 0));
        FoldedState<S> folded;
        try (var events = reader.readStream(stream, Direction.FORWARD, start.version() + 1, ReadRequest.NO_LIMIT)) {
            folded = fold(start, events);
        }
        // Stream versions are contiguous, so the difference is the number of events folded now.
        if (snapshots.policy().isDue(folded.version() - start.version())) {
            try {
                snapshots.take(folded);
            } catch (RuntimeException e) {
                // A snapshot is a cache: failing to save one costs the next load time, never correctness.
                LOG.warn(
                        "stream {}: could not save a snapshot at version {}, position {}: {}",
                        stream,
                        folded.version(),
                        folded.position(),
                        e.getMessage());
            }
        }
        return folded;
    }

    /**
     * The state of {@code stream} after its events recorded at or before {@code instant}; the initial
     * state at version -1 when there were none by then.
     */
    public FoldedState<S> stateAt(String stream, Instant instant) {
        StreamName.validate(stream);
        requireNonNull(instant, "instant");
        FoldedState<S> folded;
        try (var events = reader.readStreamAt(stream, instant)) {
            folded = fold(stream, events);
        }
        LOG.debug(
                "stream {} as of {}: folded to version {}, position {}",
                stream,
                instant,
                folded.version(),
                folded.position());
        return folded;
    }

    /**
     * The state of {@code stream} after its events up to and including {@code version}.
     *
     * @throws IllegalArgumentException     when {@code version} is negative
     * @throws VersionNotReachedException   when the stream has not reached {@code version}
     */
    public FoldedState<S> stateAtVersion(String stream, long version) {
        StreamName.validate(stream);
        if (version < 0) {
            throw new IllegalArgumentException("a stream version is 0 or more, was " + version);
        }
        FoldedState<S> folded;
        try (var events = reader.readStream(stream, Direction.FORWARD, 0, version + 1)) {
            folded = fold(stream, events);
        }
        if (folded.version() < version) {
            throw new VersionNotReachedException(stream, version, folded.version());
        }
        LOG.debug("stream {} at version {}: folded to position {}", stream, version, folded.position());
        return folded;
    }

    private FoldedState<S> fold(String stream, Stream<RecordedEvent> events) {
        return fold(new FoldedState<>(stream, decider.initialState(), -1, 0), events);
    }

    private FoldedState<S> fold(FoldedState<S> start, Stream<RecordedEvent> events) {
        String stream = start.stream();
        S state = start.state();
        long version = start.version();
        long position = start.position();
        for (var iterator = events.iterator(); iterator.hasNext(); ) {
            var recorded = iterator.next();
            // One stored event may stand for several today (an upcaster split it); all share its version.
            state = decider.fold(state, codec.decode(recorded));
            version = recorded.streamVersion();
            position = recorded.position();
        }
        return new FoldedState<>(stream, state, version, position);
    }
}

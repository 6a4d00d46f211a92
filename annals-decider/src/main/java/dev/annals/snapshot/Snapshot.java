package dev.annals.snapshot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * An entity's state saved after folding its stream up to a version, so that a later load folds only
 * the events after it.
 *
 * @param stream       the entity's stream
 * @param version      the stream version of the last event folded into the state (0 or more)
 * @param position     the global position of that event
 * @param stateVersion the version of the state's shape when it was saved; a snapshot whose state
 *                     version differs from the code's is never used
 * @param state        the state as JSON
 * @param takenAt      when the snapshot was saved, to the millisecond (finer parts are dropped here, so
 *                     that every store gives back an equal snapshot)
 */
public record Snapshot(String stream, long version, long position, int stateVersion, String state, Instant takenAt) {

    public Snapshot {
        requireNonNull(stream, "stream");
        requireNonNull(state, "state");
        takenAt = requireNonNull(takenAt, "takenAt").truncatedTo(ChronoUnit.MILLIS);
        if (version < 0) {
            throw new IllegalArgumentException("a snapshot follows at least one event; version was " + version);
        }
    }
}

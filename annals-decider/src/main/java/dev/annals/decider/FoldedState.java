package dev.annals.decider;

import static java.util.Objects.requireNonNull;

/**
 * An entity's state with how far into its stream it was folded.
 *
 * @param stream   the entity's stream
 * @param state    the fold of the events up to {@code version}
 * @param version  the stream version of the last event folded (0-based); -1 when none was
 * @param position the global position of the last event folded; 0 when none was
 * @param <S>      the state type
 */
public record FoldedState<S>(String stream, S state, long version, long position) {

    public FoldedState {
        requireNonNull(stream, "stream");
        requireNonNull(state, "state");
    }

    /** True when no event was folded: the entity does not exist (yet, or at that point in time). */
    public boolean isInitial() {
        return version < 0;
    }
}

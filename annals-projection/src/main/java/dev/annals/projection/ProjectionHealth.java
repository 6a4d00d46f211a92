package dev.annals.projection;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How a projection is doing, as its runner last saw it.
 *
 * @param projection    its name
 * @param state         running, paused, stopped on error, rebuilding or stopped
 * @param checkpoint    the position of the last event it processed (0 for none)
 * @param headPosition  the store's head position when measured
 * @param eventsBehind  events of the store after everything processed; 0 when caught up (events outside
 *                      the projection's source count only until it has read past them)
 * @param secondsBehind the age of the oldest event not yet processed; 0 when caught up
 * @param deadLetters   how many of its dead letters are open
 * @param error         why it stopped on error; empty otherwise
 * @param measuredAt    when this was measured
 */
public record ProjectionHealth(
        String projection,
        ProjectionState state,
        long checkpoint,
        long headPosition,
        long eventsBehind,
        double secondsBehind,
        int deadLetters,
        String error,
        Instant measuredAt) {

    public ProjectionHealth {
        requireNonNull(projection, "projection");
        requireNonNull(state, "state");
        requireNonNull(error, "error");
        requireNonNull(measuredAt, "measuredAt");
    }
}

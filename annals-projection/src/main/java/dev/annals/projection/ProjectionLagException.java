package dev.annals.projection;

import java.time.Duration;

/**
 * {@code awaitPosition} gave up: the projection had not processed the position in time. Carries where it
 * was, so that a caller can report the lag or choose to serve a stale read.
 */
public final class ProjectionLagException extends RuntimeException {

    private final String projection;
    private final long awaitedPosition;
    private final transient ProjectionHealth health;

    public ProjectionLagException(String projection, long awaitedPosition, Duration timeout, ProjectionHealth health) {
        super("projection " + projection + " did not reach position " + awaitedPosition + " within " + timeout
                + ": it is " + health.state() + " at checkpoint " + health.checkpoint() + ", head "
                + health.headPosition() + ", " + health.eventsBehind() + " events and "
                + String.format("%.3f", health.secondsBehind()) + " s behind");
        this.projection = projection;
        this.awaitedPosition = awaitedPosition;
        this.health = health;
    }

    public String projection() {
        return projection;
    }

    /** The position that was awaited. */
    public long awaitedPosition() {
        return awaitedPosition;
    }

    /** The projection's lag and state when the wait ended. */
    public ProjectionHealth health() {
        return health;
    }
}

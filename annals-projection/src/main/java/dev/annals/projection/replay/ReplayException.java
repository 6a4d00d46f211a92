package dev.annals.projection.replay;

/**
 * A replay refused to start (a rebuild is under way), stopped because the live projection changed under it
 * (a rebuild or a switch of versions), or stopped on an event its handlers failed on. The message names the
 * projection, the versions and, for a failure, the event's position, id and type. The live version is never
 * touched; the replayed version holds what was committed before the failure.
 */
public final class ReplayException extends RuntimeException {

    /** A refusal or a stop, as {@code message} says. */
    public ReplayException(String message) {
        super(message);
    }

    /** A stop caused by {@code cause}: a handler's failure, say. */
    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.annals.projection;

import java.util.List;
import java.util.Optional;

/**
 * The projections' bookkeeping as operators see it: checkpoints, control requests, reported health and
 * dead letters.
 *
 * <p>With a SQL backend it lives in the store's database, so that the CLI acts from another process while
 * the application runs: requests are rows the runners read within seconds. Every method is a short
 * transaction of its own. Thread-safe.
 */
public interface ProjectionStates {

    /** The position of the last event {@code projection} processed; 0 when it has none. */
    long checkpoint(String projection);

    /** What was asked of {@code projection}; {@link ProjectionControl#INITIAL} when nothing was. */
    ProjectionControl control(String projection);

    /** Asks {@code projection} to stop delivering until resumed. */
    void pause(String projection);

    /** Asks a paused {@code projection} to go on. */
    void resume(String projection);

    /** Asks {@code projection} to rebuild as {@code mode} says. */
    void requestRebuild(String projection, RebuildMode mode);

    /** Records what a runner reports about its projection, for {@link #health()}. */
    void report(ProjectionHealth health);

    /** The last report of every projection that has one, by name. */
    List<ProjectionHealth> health();

    /** Open dead letters (parked or to be retried), of one projection or of all when empty, oldest first. */
    List<DeadLetter> deadLetters(Optional<String> projection);

    /** The dead letter with {@code id}, whatever its status. */
    Optional<DeadLetter> deadLetter(long id);

    /**
     * Asks the runner of the letter's projection to deliver it again.
     *
     * @throws UnknownDeadLetterException when no open letter has that id
     */
    void requestRetry(long id);

    /**
     * Gives up on the letter. When its projection stopped on it, the checkpoint moves past it so that
     * the projection goes on.
     *
     * @throws UnknownDeadLetterException when no open letter has that id
     */
    void skip(long id);
}

package dev.annals.projection;

/**
 * Applies one typed event to a read model.
 *
 * <p>{@code context} is what the projection's store gives handlers: for a JDBC read model, the open
 * transaction (the checkpoint commits with it); otherwise the recorded event itself, whose id an
 * idempotent handler uses to ignore a repeated delivery. Throwing makes the runner retry the event and,
 * when retries run out, park it as a dead letter.
 *
 * @param <E> the event's record type
 * @param <C> the context type
 */
@FunctionalInterface
public interface ProjectionHandler<E, C> {

    /** Applies {@code event}; must not keep {@code context} after returning. */
    void handle(E event, C context) throws Exception;
}

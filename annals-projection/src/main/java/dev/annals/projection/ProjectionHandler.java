package dev.annals.projection;

/**
 * Applies one typed event to a read model.
 *
 * <p>{@code context} is what the projection's store gives handlers: for a JDBC read model, the open
 * transaction (the checkpoint commits with it); otherwise the recorded event itself, whose id an
 * idempotent handler uses to ignore a repeated delivery. Throwing makes the runner roll back, retry the
 * event and, when retries run out, park it as a dead letter: an exception, or an error the handler's own
 * code causes ({@link #isOwnFailure}).
 *
 * @param <E> the event's record type
 * @param <C> the context type
 */
@FunctionalInterface
public interface ProjectionHandler<E, C> {

    /** Applies {@code event}; must not keep {@code context} after returning. */
    void handle(E event, C context) throws Exception;

    /**
     * Whether {@code failure}, thrown by a handler, is the handler's own, retried and then parked like an
     * exception: besides exceptions, the errors a handler's code causes (unbounded recursion, a failed
     * assertion, a class it needs missing or failing to initialise). Other errors (out of memory, say) are
     * the process's: they go up to whoever runs the projection, after its transaction is rolled back.
     */
    static boolean isOwnFailure(Throwable failure) {
        return failure instanceof Exception
                || failure instanceof StackOverflowError
                || failure instanceof AssertionError
                || failure instanceof LinkageError;
    }
}

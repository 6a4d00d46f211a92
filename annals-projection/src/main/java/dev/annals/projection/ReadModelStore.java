package dev.annals.projection;

/**
 * Where one projection's runner writes: its read model and its bookkeeping, in units of work.
 *
 * <p>A runner uses its store from its own threads, one unit at a time; an implementation may hold one
 * connection. See {@link ProjectionTransaction} for what is atomic.
 *
 * @param <C> the handlers' context type
 */
public interface ReadModelStore<C> extends AutoCloseable {

    /**
     * Runs {@code work} in one unit of work and returns its result. When it throws, a transactional store
     * rolls everything back and rethrows; others keep what was done.
     */
    <T> T transact(Work<C, T> work) throws Exception;

    /** The bookkeeping, for reads and operator requests. */
    ProjectionStates states();

    /** Releases the store's resources. */
    @Override
    void close();

    /** Work done in one unit. */
    @FunctionalInterface
    interface Work<C, T> {
        /** Does the work; must not keep {@code transaction} after returning. */
        T run(ProjectionTransaction<C> transaction) throws Exception;
    }
}

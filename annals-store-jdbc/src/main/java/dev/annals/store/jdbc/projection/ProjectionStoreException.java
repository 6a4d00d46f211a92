package dev.annals.store.jdbc.projection;

/** The database refused a read model's bookkeeping or DDL; the unit of work it was part of is rolled back. */
public final class ProjectionStoreException extends RuntimeException {

    public ProjectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

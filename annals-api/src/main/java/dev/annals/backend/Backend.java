package dev.annals.backend;

/**
 * A database Annals keeps its events in, as a plug-in: each backend module (the embedded SQLite store,
 * PostgreSQL, the HTTP client of a running server) provides one as a {@link java.util.ServiceLoader}
 * service, and {@link Backends} picks it by the store location a user wrote. Callers never test which
 * backend they have; they ask the {@link Deployment} it opens for the capabilities they need.
 *
 * <p>Adding a backend means implementing this interface in its own module and declaring it in
 * {@code META-INF/services/dev.annals.backend.Backend}; no command line or server code changes.
 */
public interface Backend {

    /** The backend's name for people: {@code SQLite}, {@code PostgreSQL}. */
    String name();

    /**
     * The forms of location this backend takes, for help and error messages, such as
     * {@code postgresql://host:port/db?schema=name}.
     */
    String locationForms();

    /**
     * The store at {@code location} for people, without secrets (a password in a URL is masked): {@code the
     * PostgreSQL store at postgresql://db:5432/app (schema annals)}.
     */
    default String describe(String location) {
        return "the " + name() + " store at " + location;
    }

    /** True when {@code location} names a store of this backend (by its scheme, typically). */
    boolean accepts(String location);

    /**
     * Opens the deployment at {@code location}: its event store and the capabilities beside it.
     *
     * @throws IllegalArgumentException when {@code location} is malformed for this backend
     * @throws dev.annals.store.EventStoreException when the store cannot be opened, or does not exist
     *                                             and {@code options} say it must
     */
    Deployment open(String location, OpenOptions options);
}

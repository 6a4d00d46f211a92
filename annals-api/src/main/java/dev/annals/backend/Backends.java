package dev.annals.backend;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The backends on the class path (or module path), found by {@link ServiceLoader}, and the one that keeps
 * a given store location.
 */
public final class Backends {

    private final List<Backend> installed;

    private Backends(List<Backend> installed) {
        this.installed = List.copyOf(installed);
    }

    /** The backends installed beside Annals. */
    public static Backends installed() {
        return new Backends(ServiceLoader.load(Backend.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** Exactly {@code backends}, asked in this order (tests, or an application that picks its own). */
    public static Backends of(Backend... backends) {
        return new Backends(List.of(backends));
    }

    /** The backends, in the order they are asked. */
    public List<Backend> list() {
        return installed;
    }

    /**
     * The backend that keeps {@code location}.
     *
     * @throws UnknownStoreLocationException when none accepts it; the message lists the forms that work
     */
    public Backend forLocation(String location) {
        requireNonNull(location, "location");
        return installed.stream()
                .filter(backend -> backend.accepts(location))
                .findFirst()
                .orElseThrow(() -> new UnknownStoreLocationException(
                        location,
                        installed.stream()
                                .map(backend -> backend.name() + ": " + backend.locationForms())
                                .collect(Collectors.joining("; "))));
    }

    /** Opens the deployment at {@code location} with the backend that keeps it. */
    public Deployment open(String location, OpenOptions options) {
        return forLocation(location).open(location, requireNonNull(options, "options"));
    }
}

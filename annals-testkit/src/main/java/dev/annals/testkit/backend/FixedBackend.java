package dev.annals.testkit.backend;

import dev.annals.backend.Backend;
import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.store.EventStore;

import static java.util.Objects.requireNonNull;

/**
 * A backend for tests of code that opens stores through the backend seam (a command line, the benchmarks):
 * it takes every location and always "opens" the same store, so that later runs see what earlier ones
 * appended. The deployment has no capabilities.
 */
public final class FixedBackend implements Backend {

    private final String name;
    private final EventStore store;

    private FixedBackend(String name, EventStore store) {
        this.name = requireNonNull(name, "name");
        this.store = requireNonNull(store, "store");
    }

    /** The installed backends of a test: only {@code store}, named {@code name} ("in-memory", say). */
    public static Backends only(String name, EventStore store) {
        return Backends.of(new FixedBackend(name, store));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String locationForms() {
        return "anything";
    }

    @Override
    public boolean accepts(String location) {
        return true;
    }

    @Override
    public Deployment open(String location, OpenOptions options) {
        return Deployment.builder("the " + name + " store", store).build();
    }
}

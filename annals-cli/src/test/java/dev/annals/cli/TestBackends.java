package dev.annals.cli;

import dev.annals.backend.Backends;
import dev.annals.store.EventStore;
import dev.annals.testkit.backend.FixedBackend;

/** Backends for tests of the command line. */
public final class TestBackends {

    private TestBackends() {}

    /**
     * A backend that takes every location and always "opens" {@code store}, so that later runs of the
     * command see what earlier ones appended.
     */
    public static Backends inMemory(EventStore store) {
        return FixedBackend.only("in-memory", store);
    }
}

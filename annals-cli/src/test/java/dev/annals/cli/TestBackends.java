package dev.annals.cli;

import dev.annals.backend.Backend;
import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.store.EventStore;

/** Backends for tests of the command line. */
public final class TestBackends {

    private TestBackends() {
    }

    /**
     * A backend that takes every location and always "opens" {@code store}, so that later runs of the
     * command see what earlier ones appended.
     */
    public static Backends inMemory(EventStore store) {
        return Backends.of(new Backend() {
            @Override
            public String name() {
                return "in-memory";
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
                return Deployment.builder("the in-memory store", store).build();
            }
        });
    }
}

package org.example.library;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;

/**
 * The books as read from a running Annals server ({@code http://127.0.0.1:2113}) through the Java client: the same
 * entity type replays the same events, over HTTP instead of from a database.
 */
public final class Shelf implements AutoCloseable {

    private final Deployment server;

    private Shelf(Deployment server) {
        this.server = server;
    }

    /** The shelf of the server at {@code address}. */
    public static Shelf at(String address) {
        return new Shelf(Backends.installed().open(address, OpenOptions.defaults()));
    }

    /** The book {@code id} as its events leave it. */
    public Book book(String id) {
        return Library.BOOKS.states(server.store()).current(Library.BOOKS.stream(id)).state();
    }

    @Override
    public void close() {
        server.close();
    }
}

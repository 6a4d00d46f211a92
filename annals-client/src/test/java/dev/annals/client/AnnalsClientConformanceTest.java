package dev.annals.client;

import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.store.EventStore;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.testkit.conformance.EventStoreConformance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client passes the conformance suite against a running server: each test gets a new server on a free
 * loopback port over a new in-memory store, and a client of it.
 */
class AnnalsClientConformanceTest extends EventStoreConformance {

    /** A server and the store behind it. */
    private record Served(AnnalsServer server, EventStore store) {}

    private final Map<EventStore, Served> served = new ConcurrentHashMap<>();

    /** The client follows the server's live stream (SSE) and tells head listeners from it. */
    @Override
    protected boolean notifiesHead() {
        return true;
    }

    @Override
    protected EventStore newStore() {
        var store = new InMemoryEventStore();
        var server = AnnalsServer.start(store, ServerOptions.defaults().withPort(0));
        var client = AnnalsClient.builder(server.uri()).build();
        served.put(client, new Served(server, store));
        return client;
    }

    @Override
    protected void discard(EventStore client) {
        super.discard(client);
        var behind = served.remove(client);
        behind.server().close();
        behind.store().close();
    }
}

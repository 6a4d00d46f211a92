package dev.annals.server;

import dev.annals.store.EventStore;
import dev.annals.store.memory.InMemoryEventStore;

class InMemoryServerApiTest extends ServerApiContract {

    @Override
    EventStore openStore() {
        return new InMemoryEventStore();
    }
}

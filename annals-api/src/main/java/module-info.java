/**
 * The contract: events, the event store and its capabilities, subscriptions, and the backend seam. It
 * depends on nothing of Annals; every other module depends on it.
 */
module dev.annals.api {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.uuid;
    requires org.slf4j;

    exports dev.annals.event;
    exports dev.annals.store;
    exports dev.annals.store.memory;
    exports dev.annals.subscription;
    exports dev.annals.backend;
    // What every backend shares to behave alike (append checks, stream marks): a service provider's
    // interface, not the users' API.
    exports dev.annals.store.internal to
            dev.annals.store.jdbc,
            dev.annals.store.sqlite,
            dev.annals.store.postgres;

    uses dev.annals.backend.Backend;
}

package dev.annals.backend;

import dev.annals.store.EventStoreException;

/** A caller needed a capability that the deployment's backend does not have, such as snapshots over HTTP. */
public final class UnsupportedCapabilityException extends EventStoreException {

    /** {@code deployment} (described for people) has no {@code what}. */
    public UnsupportedCapabilityException(String deployment, String what) {
        super(deployment + " has no " + what);
    }
}

package dev.annals.backend;

import dev.annals.store.EventStoreException;

/** A caller needed a capability that the deployment's backend does not have, such as snapshots over HTTP. */
public final class UnsupportedCapabilityException extends EventStoreException {

    /** {@code deployment} (described for people) has no {@code what}. */
    public UnsupportedCapabilityException(String deployment, String what) {
        super(deployment + " has no " + what);
    }

    /**
     * {@code deployment} has no {@code what}, and {@code why} says why and what to do instead, as in
     * "{@code <deployment> has no <what> <why>}": {@code over HTTP (its API covers ...)}.
     */
    public UnsupportedCapabilityException(String deployment, String what, String why) {
        super(deployment + " has no " + what + (why.isEmpty() ? "" : " " + why));
    }
}

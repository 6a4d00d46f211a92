package dev.annals.cli;

import dev.annals.backend.Deployment;

import static java.util.Objects.requireNonNull;

/**
 * A capability of a deployment that a command opened for it alone (the projections' bookkeeping, the audit
 * trail, the erasure keys), closed together with its deployment.
 *
 * @param deployment the deployment it belongs to
 * @param value      the capability
 */
public record Opened<T>(Deployment deployment, T value) implements AutoCloseable {

    /** Validates. */
    public Opened {
        requireNonNull(deployment, "deployment");
        requireNonNull(value, "value");
    }

    /** Closes the deployment, and so the capability. */
    @Override
    public void close() {
        deployment.close();
    }
}

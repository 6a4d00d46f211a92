package dev.annals.backend;

import dev.annals.store.EventStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * An opened backend: the event store and everything a deployment keeps beside it, each as a capability
 * looked up by type. The capabilities Annals knows by name:
 * <ul>
 *   <li>{@link dev.annals.projection.ProjectionStates}: projections' checkpoints, status and dead letters;</li>
 *   <li>{@link dev.annals.snapshot.SnapshotStore}: entity snapshots;</li>
 *   <li>{@link dev.annals.erasure.SubjectKeyStore}: erasure keys (wrapped with the master key given when opened);</li>
 *   <li>{@link dev.annals.audit.AuditTrail}: the hash chain over the log;</li>
 *   <li>the event store's own: {@link dev.annals.store.StreamDeletion}, {@link dev.annals.store.HeadNotifier};</li>
 *   <li>backend-family types, such as SQL read models beside the events or projection leases.</li>
 * </ul>
 * A capability is opened on first use and closed with the deployment, before the store.
 *
 * <p>Thread-safe.
 */
public final class Deployment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final String description;
    private final EventStore store;
    private final Map<Class<?>, Supplier<?>> openers;
    private final Map<Class<?>, Object> opened = new LinkedHashMap<>();
    private final List<AutoCloseable> closeFirst;
    private final String lacking;
    private boolean closed;

    private Deployment(
            String description,
            EventStore store,
            Map<Class<?>, Supplier<?>> openers,
            List<AutoCloseable> closeFirst,
            String lacking) {
        this.description = description;
        this.store = store;
        this.openers = openers;
        this.closeFirst = closeFirst;
        this.lacking = lacking;
    }

    /** A builder of the deployment of {@code store}, described for people as {@code description}. */
    public static Builder builder(String description, EventStore store) {
        return new Builder(description, store);
    }

    /** The deployment for people: {@code the SQLite store in annals-data}. */
    public String description() {
        return description;
    }

    /** The event store. */
    public EventStore store() {
        return store;
    }

    /**
     * The deployment's implementation of {@code type}, opening it on first use; the store's own capabilities
     * (such as deletion) are answered too. Empty when this backend has none.
     */
    public <T> Optional<T> capability(Class<T> type) {
        requireNonNull(type, "type");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(description + " is closed");
            }
            Object existing = opened.get(type);
            if (existing != null) {
                return Optional.of(type.cast(existing));
            }
            Supplier<?> opener = openers.get(type);
            if (opener != null) {
                Object value = requireNonNull(opener.get(), type.getSimpleName());
                opened.put(type, value);
                return Optional.of(type.cast(value));
            }
        }
        return store.capability(type);
    }

    /**
     * The capability {@code type}, which the caller cannot do without.
     *
     * @param what what it is for people, as in "{@code <description> has no <what>}": {@code audit trail}
     * @throws UnsupportedCapabilityException when this backend has none
     */
    public <T> T require(Class<T> type, String what) {
        return capability(type).orElseThrow(() -> new UnsupportedCapabilityException(description, what, lacking));
    }

    /** The capability types this deployment offers beside the store's own. */
    public Set<Class<?>> capabilities() {
        return Set.copyOf(openers.keySet());
    }

    /** Closes the opened capabilities, newest first, then the store. Idempotent. */
    @Override
    public void close() {
        List<Object> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(opened.values());
        }
        java.util.Collections.reverse(toClose);
        for (Object value : toClose) {
            if (value instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        closeFirst.reversed().forEach(Deployment::closeQuietly);
        store.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Collects a deployment's capabilities. */
    public static final class Builder {

        private final String description;
        private final EventStore store;
        private final Map<Class<?>, Supplier<?>> openers = new LinkedHashMap<>();
        private final List<AutoCloseable> closeFirst = new ArrayList<>();
        private String lacking = "";

        private Builder(String description, EventStore store) {
            this.description = requireNonNull(description, "description");
            this.store = requireNonNull(store, "store");
        }

        /**
         * Offers {@code type}, opened by {@code opener} on first use; an {@link AutoCloseable} result is
         * closed with the deployment.
         */
        public <T> Builder capability(Class<T> type, Supplier<? extends T> opener) {
            openers.put(requireNonNull(type, "type"), requireNonNull(opener, "opener"));
            return this;
        }

        /** Closes {@code resource} with the deployment, after its capabilities and before the store. */
        public Builder closing(AutoCloseable resource) {
            closeFirst.add(requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * What {@link Deployment#require} adds when a capability is missing, after "{@code <description> has no
         * <what>}": why this backend has none and where to turn instead, such as {@code over HTTP (...)}.
         */
        public Builder whenLacking(String why) {
            this.lacking = requireNonNull(why, "why").strip();
            return this;
        }

        /** The deployment. */
        public Deployment build() {
            return new Deployment(description, store, Map.copyOf(openers), List.copyOf(closeFirst), lacking);
        }
    }
}

package dev.annals.store;

import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The listeners of one store: what a store (or anything else that learns of new heads, such as a server's
 * live tail) implementing {@link HeadNotifier} delegates to. Thread-safe. Public so that a backend outside
 * this module notifies its listeners the way the built-in ones do.
 */
public final class HeadListeners implements HeadNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(HeadListeners.class);

    private final CopyOnWriteArraySet<HeadListener> listeners = new CopyOnWriteArraySet<>();

    @Override
    public void addHeadListener(HeadListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        listeners.remove(requireNonNull(listener, "listener"));
    }

    /** True when no listener is registered. */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Tells every listener the new head; a failing listener never stops the others. */
    public void fire(long headPosition) {
        for (HeadListener listener : listeners) {
            try {
                listener.headChanged(headPosition);
            } catch (RuntimeException e) {
                LOG.warn("head listener {} failed at head position {}: {}", listener, headPosition, e.toString());
            }
        }
    }
}

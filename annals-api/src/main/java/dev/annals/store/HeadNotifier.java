package dev.annals.store;

/**
 * An optional capability of a store: telling listeners in the same process when its head moves.
 *
 * <p>Subscriptions use it to wake up as soon as an append commits instead of polling. It covers only
 * appends made through this store object; appends by other processes are seen by polling, which every
 * subscription keeps as a fallback. Notifications carry no events: readers always read the log itself,
 * so a missed or late notification can delay a reader but never make it skip or repeat an event.
 */
public interface HeadNotifier {

    /** Calls {@code listener} after every later commit; adding the same listener twice adds it once. */
    void addHeadListener(HeadListener listener);

    /** Stops calling {@code listener}; unknown listeners are ignored. */
    void removeHeadListener(HeadListener listener);
}

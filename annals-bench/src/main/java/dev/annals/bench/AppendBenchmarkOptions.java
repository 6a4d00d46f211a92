package dev.annals.bench;

import dev.annals.store.AppendLimits;

/**
 * What one append benchmark does: how many writers append how many events in total, each append
 * carrying how many events of how many bytes. Checked when built.
 *
 * @param writers   concurrent writer threads, each appending to its own stream; 1 or more
 * @param events    events to append in total, over all writers; 1 or more
 * @param size      bytes of each event's JSON payload; from {@value #MIN_SIZE} to the store's default limit
 * @param batch     events per append call; 1 or more (the very last append may carry fewer)
 */
public record AppendBenchmarkOptions(int writers, long events, int size, int batch) {

    /** The smallest payload: {@code {}}. */
    public static final int MIN_SIZE = 2;

    public AppendBenchmarkOptions {
        if (writers < 1) {
            throw new IllegalArgumentException("the number of writers must be 1 or more, was " + writers);
        }
        if (events < 1) {
            throw new IllegalArgumentException("the number of events must be 1 or more, was " + events);
        }
        if (size < MIN_SIZE || size > AppendLimits.DEFAULT_MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("the payload size must be from " + MIN_SIZE + " to "
                    + AppendLimits.DEFAULT_MAX_EVENT_BYTES + " bytes, was " + size);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("the batch must be 1 or more events, was " + batch);
        }
    }

    /** The number of append calls the benchmark makes: the events divided into batches, rounded up. */
    public long appends() {
        return (events + batch - 1) / batch;
    }
}

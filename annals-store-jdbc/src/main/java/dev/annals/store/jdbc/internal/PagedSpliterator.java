package dev.annals.store.jdbc.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Walks a keyed sequence one page at a time: each page is fetched when the previous one is used up,
 * starting after the key of the last element seen, so nothing is held between pages.
 *
 * @param <T> the element type
 */
public final class PagedSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

    /** Fetches up to {@code size} elements starting at {@code from} (inclusive). */
    @FunctionalInterface
    public interface PageFetch<T> {
        List<T> fetch(long from, int size);
    }

    private final PageFetch<T> fetch;
    private final ToLongFunction<T> keyOf;
    private final Function<Long, Long> nextFrom;
    private final int pageSize;
    private final ArrayDeque<T> page = new ArrayDeque<>();
    private long from;
    private long remaining;
    private boolean exhausted;

    /**
     * @param from     the first key to fetch, inclusive
     * @param limit    the most elements to return
     * @param pageSize the most elements fetched at once
     * @param keyOf    the key of an element
     * @param nextFrom the key to fetch from after an element with the given key
     */
    public PagedSpliterator(
            long from,
            long limit,
            int pageSize,
            PageFetch<T> fetch,
            ToLongFunction<T> keyOf,
            Function<Long, Long> nextFrom) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.from = from;
        this.remaining = limit;
        this.pageSize = pageSize;
        this.fetch = fetch;
        this.keyOf = keyOf;
        this.nextFrom = nextFrom;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (remaining <= 0) {
            return false;
        }
        if (page.isEmpty() && !exhausted) {
            int size = (int) Math.min(pageSize, remaining);
            List<T> fetched = fetch.fetch(from, size);
            page.addAll(fetched);
            exhausted = fetched.size() < size;
            if (!fetched.isEmpty()) {
                from = nextFrom.apply(keyOf.applyAsLong(fetched.getLast()));
            }
        }
        T next = page.poll();
        if (next == null) {
            return false;
        }
        remaining--;
        action.accept(next);
        return true;
    }
}

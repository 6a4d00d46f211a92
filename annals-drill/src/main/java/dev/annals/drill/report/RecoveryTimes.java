package dev.annals.drill.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the system took to work again after each fault, in milliseconds: the median, the 99th
 * percentile (nearest rank) and the longest. All zero when no fault was injected.
 *
 * @param p50Millis the median
 * @param p99Millis the 99th percentile
 * @param maxMillis the longest
 */
public record RecoveryTimes(long p50Millis, long p99Millis, long maxMillis) {

    /** The figures of {@code millis}, one per fault. */
    public static RecoveryTimes of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new RecoveryTimes(0, 0, 0);
        }
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new RecoveryTimes(rank(sorted, 50), rank(sorted, 99), sorted.getLast());
    }

    private static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}

package dev.annals.bench.server;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The delivery latencies of every subscriber of a run, in a few histograms sized once for the whole run.
 *
 * <p>A histogram per subscriber that grows as larger values come was the load generator's own worst
 * latency: with a thousand subscribers, one slow spell made each of them reallocate its counts at once (JFR:
 * half a gigabyte of {@code Histogram.resize} in one run), and the young collections that followed paused
 * every reader for 0.2 to 0.5 s, which the run then measured as the server's delivery time. Here a few
 * shards hold every value up to {@link #HIGHEST} from the start (a quarter of a megabyte each) and never
 * grow; a subscriber records into the shard of its number, under the shard's lock, which the other
 * subscribers of that shard rarely want at the same moment (the readers run on a couple of carrier threads).
 */
final class DeliveryLatencies {

    /** The largest latency told apart; a larger one is recorded as this. */
    static final long HIGHEST = Duration.ofHours(1).toNanos();

    private static final int SHARDS = 16;

    private final Histogram[] shards = new Histogram[SHARDS];

    DeliveryLatencies() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Histogram(HIGHEST, 3);
        }
    }

    /** Records the latency {@code nanos} of a delivery to subscriber number {@code subscriber}. */
    void record(int subscriber, long nanos) {
        var shard = shards[Math.floorMod(subscriber, SHARDS)];
        synchronized (shard) {
            shard.recordValue(Math.clamp(nanos, 0, HIGHEST));
        }
    }

    /** Every latency recorded, in one histogram of nanoseconds; taken once the subscribers are done. */
    Histogram all() {
        var all = new Histogram(HIGHEST, 3);
        for (var shard : shards) {
            synchronized (shard) {
                all.add(shard);
            }
        }
        return all;
    }
}

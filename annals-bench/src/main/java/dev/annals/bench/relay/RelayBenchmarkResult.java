package dev.annals.bench.relay;

import dev.annals.bench.Latency;
import java.util.Locale;

/**
 * The figures of one {@code annals bench relay} run.
 *
 * @param events          events the relay published for the throughput
 * @param relaySeconds    from the relay's start until its checkpoint reached the last of them
 * @param transactions    the Kafka transactions the relay committed for them
 * @param envelopeBytes   the size of one published record's value (the CloudEvents JSON envelope)
 * @param keyBytes        the size of one published record's key (the stream)
 * @param ceiling         Kafka's own producer on the same broker, record size and transactions
 * @param latencyEvents   events appended at a steady rate for the latency
 * @param ratePerSecond   that rate
 * @param latency         from each append's due time to its receipt by a read_committed consumer
 * @param appendLatency   from each append's due time to the store's acknowledgement of it
 * @param brokerStarted   whether the benchmark started the broker itself
 */
public record RelayBenchmarkResult(
        long events,
        double relaySeconds,
        long transactions,
        int envelopeBytes,
        int keyBytes,
        ProducerCeiling.Result ceiling,
        long latencyEvents,
        int ratePerSecond,
        Latency latency,
        Latency appendLatency,
        boolean brokerStarted) {

    /** Events per second the relay published. */
    public double relayPerSecond() {
        return events / relaySeconds;
    }

    /** The relay's throughput as a share of the ceiling's. */
    public double ratio() {
        return relayPerSecond() / ceiling.recordsPerSecond();
    }

    /** The report {@code annals bench relay} prints. */
    public String report() {
        return String.format(
                Locale.ROOT,
                """
                Relay to Kafka (%s broker), %d events, envelope %d bytes (key %d bytes)
                  relay:                %,12.0f events/s  (%.2f s, %d transactions)
                  ProducerPerformance:  %,12.0f records/s (%d records of %d bytes, transaction every %d ms)
                  ratio:                %12.1f %%
                End to end at %d events/s (%d events, append to read_committed receipt)
                  p50 %.1f ms   p99 %.1f ms   p99.9 %.1f ms   max %.1f ms
                  of which the append: p50 %.1f ms   p99 %.1f ms
                """,
                brokerStarted ? "a local" : "the given",
                events,
                envelopeBytes,
                keyBytes,
                relayPerSecond(),
                relaySeconds,
                transactions,
                ceiling.recordsPerSecond(),
                ceiling.records(),
                ceiling.recordBytes(),
                ceiling.transactionMillis(),
                ratio() * 100,
                ratePerSecond,
                latencyEvents,
                millis(latency.p50()),
                millis(latency.p99()),
                millis(latency.p999()),
                millis(latency.max()),
                millis(appendLatency.p50()),
                millis(appendLatency.p99()));
    }

    private static double millis(java.time.Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

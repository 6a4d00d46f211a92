package dev.annals.bench.relay;

import dev.annals.bench.Latency;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of one {@code annals bench relay} run.
 *
 * @param events          events the relay published for the throughput
 * @param relaySeconds    from the relay's start until its checkpoint reached the last of them
 * @param transactions    the Kafka transactions the relay committed for them
 * @param relayCpu        the CPU time the relay's process (this one) and the broker took meanwhile
 * @param relayRequests   how the relay's producer packed its records into requests, when its metrics could be read
 * @param relayRecord     the size of one published record: key (the stream), value (the CloudEvents JSON
 *                        envelope) and headers, and all of it in a batch
 * @param ceiling         Kafka's own producer on the same broker, record size and transactions
 * @param ceilingBrokerCpu the CPU time the broker took while the ceiling ran, when the run started it
 * @param latencyEvents   events appended at a steady rate for the latency
 * @param ratePerSecond   that rate
 * @param warmUp          how long the same appends ran before them, not counted in {@code latency}
 * @param warmUpLatency   from due time to receipt during the warm-up
 * @param latency         from each append's due time to its receipt by a read_committed consumer
 * @param appendLatency   from each append's due time to the store's acknowledgement of it
 * @param afterAppend     from each append's acknowledgement to its receipt: the relay's and Kafka's share,
 *                        without the store's queueing on a loaded machine
 * @param latencyCommits  the relay's commits during the latency run: each event waits for the one in
 *                        progress when it arrives, then for its own
 * @param brokerStarted   whether the benchmark started the broker itself
 */
public record RelayBenchmarkResult(
        long events,
        double relaySeconds,
        long transactions,
        CpuTimes.Sample relayCpu,
        Optional<ProducerRequests> relayRequests,
        RecordSize relayRecord,
        ProducerCeiling.Result ceiling,
        Optional<Duration> ceilingBrokerCpu,
        long latencyEvents,
        int ratePerSecond,
        Duration warmUp,
        Latency warmUpLatency,
        Latency latency,
        Latency appendLatency,
        Latency afterAppend,
        Commits latencyCommits,
        boolean brokerStarted) {

    /**
     * Commits of the relay (its {@code annals.relay.commit} timer) during a phase.
     *
     * @param count how many
     * @param total how long they took together
     */
    public record Commits(long count, Duration total) {

        double meanMillis() {
            return count == 0 ? 0 : total.toNanos() / 1e6 / count;
        }
    }

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
                Relay to Kafka (%s broker), %d events, records of %d bytes in a batch (key %d, envelope %d, headers %d)
                  relay:                %,12.0f events/s  (%.2f s, %d transactions)
                    CPU per event:      %s
                    requests:           %s
                  ProducerPerformance:  %,12.0f records/s (%d records of %d bytes in a batch (key %d, value %d), transaction every %d ms)
                    CPU per record:     %s
                    requests:           %s
                  ratio:                %12.1f %%  (%s)
                End to end at %d events/s (%d events after %d s of warm-up, append to read_committed receipt)
                  p50 %.1f ms   p99 %.1f ms   p99.9 %.1f ms   max %.1f ms
                  of which the append: p50 %.1f ms   p99 %.1f ms
                  from its acknowledgement to the receipt: p50 %.1f ms   p99 %.1f ms
                  the warm-up's own, not counted above: %s
                  the relay's commits in the warm-up and the run: %d, %.1f ms each on average
                """,
                brokerStarted ? "a local" : "the given",
                events,
                relayRecord.inBatch(),
                relayRecord.keyBytes(),
                relayRecord.valueBytes(),
                relayRecord.headerBytes(),
                relayPerSecond(),
                relaySeconds,
                transactions,
                perEvent(relayCpu.own(), "the relay's process", relayCpu.broker()),
                requests(relayRequests),
                ceiling.recordsPerSecond(),
                ceiling.records(),
                RecordSize.ofCeiling(ceiling.recordBytes()).inBatch(),
                RecordSize.CEILING_KEY_BYTES,
                ceiling.recordBytes(),
                ceiling.transactionMillis(),
                perEvent(ceiling.cpu(), "its process", ceilingBrokerCpu),
                requests(ceiling.requests()),
                ratio() * 100,
                cpuRatio()
                        .map(value -> String.format(Locale.ROOT, "by CPU per event: %.1f %%", value * 100))
                        .orElse("CPU per event: the broker's not measured"),
                ratePerSecond,
                latencyEvents,
                warmUp.toSeconds(),
                millis(latency.p50()),
                millis(latency.p99()),
                millis(latency.p999()),
                millis(latency.max()),
                millis(appendLatency.p50()),
                millis(appendLatency.p99()),
                millis(afterAppend.p50()),
                millis(afterAppend.p99()),
                warmUp.isZero()
                        ? "none"
                        : String.format(
                                Locale.ROOT,
                                "p50 %.1f ms   p99 %.1f ms   max %.1f ms",
                                millis(warmUpLatency.p50()),
                                millis(warmUpLatency.p99()),
                                millis(warmUpLatency.max())),
                latencyCommits.count(),
                latencyCommits.meanMillis());
    }

    /**
     * The ceiling's CPU per record (its process and the broker) over the relay's per event (its process and
     * the broker): the ratio of throughputs on a machine whose cores are all busy with the two runs.
     */
    public Optional<Double> cpuRatio() {
        return relayCpu.broker()
                .flatMap(relayBroker -> ceilingBrokerCpu.map(
                        ceilingBroker -> (double) (ceiling.cpu().toNanos() + ceilingBroker.toNanos())
                                / ceiling.records()
                                / ((double) (relayCpu.own().toNanos() + relayBroker.toNanos()) / events)));
    }

    private String perEvent(Duration client, String clientName, Optional<Duration> broker) {
        long n = events;
        return String.format(Locale.ROOT, "%s %.1f µs", clientName, client.toNanos() / 1e3 / n)
                + broker.map(b -> String.format(Locale.ROOT, ", broker %.1f µs", b.toNanos() / 1e3 / n))
                        .orElse(", broker not measured (not started by this run)");
    }

    private static String requests(Optional<ProducerRequests> requests) {
        return requests.map(ProducerRequests::describe).orElse("not measured (the producer's metrics were not read)");
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

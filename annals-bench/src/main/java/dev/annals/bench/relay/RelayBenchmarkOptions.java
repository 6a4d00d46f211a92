package dev.annals.bench.relay;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What {@code annals bench relay} runs.
 *
 * @param events           events appended, then published by the relay for its throughput (and by Kafka's
 *                         own producer for the ceiling)
 * @param payloadBytes     each event's JSON payload, in bytes (the envelope around it is larger)
 * @param ratePerSecond    events appended per second during the latency run
 * @param latencyRun       how long the latency run lasts
 * @param warmUp           how long the same steady appends run before the latency run, not counted: the
 *                         throughput run exercises neither the store's single-event appends nor a relay and a
 *                         broker at the head, nor the consumer, whose code is still being compiled meanwhile
 * @param bootstrapServers a broker to use; empty to start one on free loopback ports for the run
 * @param producer         producer settings that replace the relay's defaults, for the relay and the ceiling
 *                         alike: only those {@code RelayOptions.producerSettings()} hands to both
 *                         ({@code linger.ms}, {@code batch.size}, {@code compression.type})
 */
public record RelayBenchmarkOptions(
        int events,
        int payloadBytes,
        int ratePerSecond,
        Duration latencyRun,
        Duration warmUp,
        Optional<String> bootstrapServers,
        Map<String, String> producer) {

    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Set<String> CODECS = Set.of("none", "gzip", "snappy", "lz4", "zstd");

    public RelayBenchmarkOptions {
        requireNonNull(latencyRun, "latencyRun");
        requireNonNull(warmUp, "warmUp");
        requireNonNull(bootstrapServers, "bootstrapServers");
        producer = Map.copyOf(requireNonNull(producer, "producer"));
        producer.forEach(RelayBenchmarkOptions::checkProducerSetting);
        if (events < 1) {
            throw new IllegalArgumentException("--events must be 1 or more, was " + events);
        }
        if (payloadBytes < 2) {
            throw new IllegalArgumentException("--size must be 2 bytes or more (a JSON object), was " + payloadBytes);
        }
        if (ratePerSecond < 1 || ratePerSecond > 100_000) {
            throw new IllegalArgumentException(
                    "--rate must be from 1 to 100000 events per second, was " + ratePerSecond);
        }
        if (latencyRun.isNegative() || latencyRun.isZero()) {
            throw new IllegalArgumentException("--seconds must be 1 or more, was " + latencyRun.toSeconds());
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--warm-up must be 0 s or more, was " + warmUp.toSeconds());
        }
    }

    // Only what both sides get: a setting the ceiling did not share would make the ratio unfair.
    private static void checkProducerSetting(String key, String value) {
        boolean valid =
                switch (key) {
                    case "linger.ms", "batch.size" -> COUNT.matcher(value).matches();
                    case "compression.type" -> CODECS.contains(value);
                    default ->
                        throw new IllegalArgumentException(
                                "--producer " + key
                                        + " is not one the relay and the ceiling share: use linger.ms, batch.size or compression.type");
                };
        if (!valid) {
            throw new IllegalArgumentException("--producer " + key + "=" + value + " is not a valid value: "
                    + (key.equals("compression.type") ? "use none, gzip, snappy, lz4 or zstd" : "use a whole number"));
        }
    }

    /** Events the latency run appends. */
    long latencyEvents() {
        return Math.max(1, latencyRun.toMillis() * ratePerSecond / 1000);
    }

    /** Events appended at the same rate before the latency run, not counted. */
    long warmUpEvents() {
        return warmUp.toMillis() * ratePerSecond / 1000;
    }
}

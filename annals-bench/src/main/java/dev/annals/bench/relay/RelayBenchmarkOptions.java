package dev.annals.bench.relay;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code annals bench relay} runs.
 *
 * @param events           events appended, then published by the relay for its throughput (and by Kafka's
 *                         own producer for the ceiling)
 * @param payloadBytes     each event's JSON payload, in bytes (the envelope around it is larger)
 * @param ratePerSecond    events appended per second during the latency run
 * @param latencyRun       how long the latency run lasts
 * @param bootstrapServers a broker to use; empty to start one on free loopback ports for the run
 */
public record RelayBenchmarkOptions(
        int events, int payloadBytes, int ratePerSecond, Duration latencyRun, Optional<String> bootstrapServers) {

    public RelayBenchmarkOptions {
        requireNonNull(latencyRun, "latencyRun");
        requireNonNull(bootstrapServers, "bootstrapServers");
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
    }

    /** Events the latency run appends. */
    long latencyEvents() {
        return Math.max(1, latencyRun.toMillis() * ratePerSecond / 1000);
    }
}

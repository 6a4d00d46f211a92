package dev.annals.bench.http;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The shape of an HTTP throughput run, checked when built.
 *
 * @param connections  keep-alive connections, each with one request in flight
 * @param warmUp       unmeasured load on each route before it is measured
 * @param measured     the measured load on each route
 * @param payloadBytes the approximate size of each appended event's data
 */
public record HttpBenchOptions(int connections, Duration warmUp, Duration measured, int payloadBytes) {

    public HttpBenchOptions {
        if (connections < 1 || connections > 1024) {
            throw new IllegalArgumentException("connections must be from 1 to 1024, was " + connections);
        }
        requireNonNull(warmUp, "warmUp");
        requireNonNull(measured, "measured");
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("the warm-up must be 0 s or more, was " + warmUp.toSeconds() + " s");
        }
        if (measured.toSeconds() < 1) {
            throw new IllegalArgumentException("each route must be measured for 1 s or more");
        }
        if (payloadBytes < 16 || payloadBytes > 65_536) {
            throw new IllegalArgumentException("payloadBytes must be from 16 to 65536, was " + payloadBytes);
        }
    }
}

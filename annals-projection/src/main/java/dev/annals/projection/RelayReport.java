package dev.annals.projection;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How a relay (a subscription to the global stream that hands events to a message broker, such as the
 * Kafka relay of {@code annals serve --relay}) is doing, as the process that runs it last measured: what
 * {@link RelayReports} gives to the console and to {@code annals projections}. Neutral of any broker:
 * whoever runs the relay turns its own status into this.
 *
 * @param name               the relay's name
 * @param role               what it is doing, in lower case (active, standby, retrying, ...)
 * @param checkpoint         the last global position it has published; 0 before any
 * @param headPosition       the store's head position when measured
 * @param eventsBehind       positions between the checkpoint and the head
 * @param secondsBehind      how long the oldest unpublished event has waited; 0 when none
 * @param publishedPerSecond events published per second, over the last few seconds
 * @param published          events published since it started
 * @param error              the last failure, one line; empty when none
 * @param measuredAt         when this was measured
 */
public record RelayReport(
        String name,
        String role,
        long checkpoint,
        long headPosition,
        long eventsBehind,
        double secondsBehind,
        double publishedPerSecond,
        long published,
        String error,
        Instant measuredAt) {

    public RelayReport {
        requireNonNull(name, "name");
        requireNonNull(role, "role");
        requireNonNull(error, "error");
        requireNonNull(measuredAt, "measuredAt");
    }
}

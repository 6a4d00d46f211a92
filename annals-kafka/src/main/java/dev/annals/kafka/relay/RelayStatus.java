package dev.annals.kafka.relay;

import java.time.Instant;

/**
 * A relay's state at one instant, as the command line, the console and the gauges show it.
 *
 * @param name            the relay's name (its transactional id and checkpoint key derive from it)
 * @param role            what it is doing
 * @param checkpoint      the last global position whose events are committed to Kafka; 0 before any
 * @param head            the store's head position when measured
 * @param lagEvents       positions between the checkpoint and the head
 * @param lagSeconds      how long the oldest unpublished event has waited; 0 when there is none
 * @param publishedPerSecond events published per second, over the last few seconds
 * @param published       events this relay published since it started
 * @param lastError       the last failure, one line; empty when none
 * @param measuredAt      when this was measured
 */
public record RelayStatus(
        String name,
        RelayRole role,
        long checkpoint,
        long head,
        long lagEvents,
        double lagSeconds,
        double publishedPerSecond,
        long published,
        String lastError,
        Instant measuredAt) {}

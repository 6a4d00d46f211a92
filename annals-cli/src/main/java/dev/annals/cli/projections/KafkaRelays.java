package dev.annals.cli.projections;

import dev.annals.kafka.relay.RelayCheckpoints;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.projection.RelayReport;
import dev.annals.store.EventStore;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The relays of {@code annals projections --bootstrap-servers}: those whose checkpoints the checkpoint topic
 * holds, wherever they run, measured against this store. A relay commits its checkpoint at least once a
 * heartbeat (10 s by default), so one not heard of for three heartbeats is shown as silent.
 */
final class KafkaRelays {

    /** Three default heartbeats without a checkpoint: the relay has stopped, or cannot reach Kafka. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(30);

    private KafkaRelays() {}

    static List<RelayReport> read(RelayOptions options, EventStore store, Instant now) {
        long head = store.headPosition();
        return RelayCheckpoints.read(options).stream()
                .map(checkpoint -> report(checkpoint, store, head, now))
                .toList();
    }

    static RelayReport report(RelayCheckpoints.Checkpoint checkpoint, EventStore store, long head, Instant now) {
        long behind = Math.max(0, head - checkpoint.position());
        Duration heard = Duration.between(checkpoint.committedAt(), now);
        boolean silent = heard.compareTo(SILENT_AFTER) > 0;
        return new RelayReport(
                checkpoint.relay(),
                silent ? "silent" : "active",
                checkpoint.position(),
                head,
                behind,
                behind == 0 ? 0 : oldestUnpublishedAge(store, checkpoint.position(), now),
                checkpoint.publishedPerSecond(),
                checkpoint.position(),
                silent
                        ? "no checkpoint for " + ProjectionsCommand.ago(heard).replace(" ago", "")
                                + ": the relay has stopped or cannot reach Kafka"
                        : "",
                checkpoint.committedAt());
    }

    /** Seconds since the first event after {@code position} was recorded: how long it has waited. */
    private static double oldestUnpublishedAge(EventStore store, long position, Instant now) {
        try (var next = store.read(
                ReadRequest.forward(new ReadSource.All()).from(position + 1).limit(1))) {
            return next.findFirst()
                    .map(event -> Math.max(
                            0, Duration.between(event.recordedAt(), now).toNanos() / 1e9))
                    .orElse(0.0);
        }
    }
}

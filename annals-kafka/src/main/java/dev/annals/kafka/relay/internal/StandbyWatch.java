package dev.annals.kafka.relay.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What a fenced relay does: watches the checkpoint topic for the active relay's commits and heartbeats, and
 * returns when none has come for {@code takeoverAfter}: the active relay is taken for dead and this one may
 * fence it. Taking over too early costs no duplicate (fencing makes the other's next commit fail), only a
 * hand-over.
 */
public final class StandbyWatch {

    private final CheckpointTopic checkpoints;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final Duration takeoverAfter;

    public StandbyWatch(
            CheckpointTopic checkpoints, Supplier<KafkaConsumer<String, byte[]>> consumers, Duration takeoverAfter) {
        this.checkpoints = checkpoints;
        this.consumers = consumers;
        this.takeoverAfter = takeoverAfter;
    }

    /**
     * Blocks until the active relay has been silent for the takeover time.
     *
     * @return true to take over; false when {@code stopping} became true first
     */
    public boolean awaitSilence(BooleanSupplier stopping) {
        try (var consumer = consumers.get()) {
            var partitions = consumer.partitionsFor(checkpoints.topic()).stream()
                    .map(info -> new TopicPartition(checkpoints.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long lastSeen = System.nanoTime();
            while (!stopping.getAsBoolean()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (checkpoints.isOurs(record)) {
                        lastSeen = System.nanoTime();
                    }
                }
                if (System.nanoTime() - lastSeen > takeoverAfter.toNanos()) {
                    return true;
                }
            }
            return false;
        }
    }
}

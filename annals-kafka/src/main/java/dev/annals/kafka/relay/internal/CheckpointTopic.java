package dev.annals.kafka.relay.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The relay's checkpoint in a compacted topic: one record per commit, key = relay name, value =
 * {@code {"position":N,"instance":"...","at":"..."}}. The record is sent in the same Kafka transaction as
 * the events up to {@code position}, so the checkpoint a read_committed reader sees and the events it sees
 * always agree.
 */
public final class CheckpointTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final String key;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;

    public CheckpointTopic(String topic, String key, Supplier<KafkaConsumer<String, byte[]>> consumers) {
        this.topic = topic;
        this.key = key;
        this.consumers = consumers;
    }

    public String topic() {
        return topic;
    }

    /** The checkpoint record saying this relay has published every event up to {@code position}. */
    public ProducerRecord<String, byte[]> record(long position, String instance, Instant at) {
        var value = JSON.createObjectNode()
                .put("position", position)
                .put("instance", instance)
                .put("at", at.toString());
        return new ProducerRecord<>(topic, key, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code record} is one of this relay's checkpoints. */
    public boolean isOurs(ConsumerRecord<String, byte[]> record) {
        return key.equals(record.key()) && record.value() != null;
    }

    /**
     * A relay's committed checkpoint: the position, the instance that wrote it ("" when there is none) and when
     * ({@link Instant#EPOCH} for none).
     */
    public record Checkpoint(long position, String instance, Instant at) {
        static final Checkpoint NONE = new Checkpoint(0, "", Instant.EPOCH);

        /** True when an instance other than {@code instance} wrote it: another relay has taken over. */
        public boolean writtenByAnotherThan(String instance) {
            return !this.instance.isEmpty() && !this.instance.equals(instance);
        }
    }

    /** The position a checkpoint record holds. */
    public static long position(byte[] value) {
        return checkpoint(value).position();
    }

    /**
     * The checkpoint a record's value holds.
     *
     * @throws IllegalStateException when the value is not a checkpoint
     */
    public static Checkpoint checkpoint(byte[] value) {
        try {
            var node = JSON.readTree(value);
            return new Checkpoint(
                    node.required("position").asLong(),
                    node.path("instance").asText(""),
                    node.hasNonNull("at") ? Instant.parse(node.get("at").asText()) : Instant.EPOCH);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("a relay checkpoint record is not readable: " + e.getMessage(), e);
        }
    }

    /**
     * The last committed checkpoint of this relay (position 0 when it has none). Call it after the relay's
     * producer has fenced its predecessors, so that no transaction of this relay is still open; or after a
     * failure, to learn whether another instance has taken over meanwhile.
     *
     * <p>A read_committed consumer stops at the first open transaction of any relay, so it reads up to the
     * high watermark: records of other relays' open transactions are waited for, never passed over.
     */
    public Checkpoint read(Admin admin, Duration timeout) throws Exception {
        var last = new Checkpoint[] {Checkpoint.NONE};
        scan(admin, timeout, record -> {
            if (isOurs(record)) {
                last[0] = checkpoint(record.value());
            }
        });
        return last[0];
    }

    /**
     * Hands every committed record of the topic, of every relay, to {@code each}, in order, up to the topic's
     * end when called (see {@link #read}); does nothing when the topic does not exist.
     */
    public void scan(Admin admin, Duration timeout, Consumer<ConsumerRecord<String, byte[]>> each) throws Exception {
        try (var consumer = consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            var request = new HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading the checkpoint topic " + topic + " took over " + timeout
                            + StuckPartitions.describe(admin, consumer, ends));
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(record);
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (var end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}

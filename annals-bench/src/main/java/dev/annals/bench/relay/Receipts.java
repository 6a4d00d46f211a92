package dev.annals.bench.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A read_committed consumer of every partition of the relay's topic: what another service would see. It
 * measures one record's size, then each awaited event's latency from its due time to its receipt.
 * Used from one thread at a time: the caller's, then the listening thread's until it ends.
 */
final class Receipts implements AutoCloseable {

    /** A listening thread, counting until every awaited event arrived. */
    record Listening(Thread thread, long total, long[] received) {
        void await(Duration timeout) {
            try {
                thread.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while awaiting receipts", e);
            }
            if (received[0] < total) {
                thread.interrupt();
                throw new IllegalStateException(
                        "only " + received[0] + " of " + total + " events reached the consumer within " + timeout);
            }
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> dueTimes = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedTimes = new ConcurrentHashMap<>();

    private Receipts(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    static Receipts open(String bootstrapServers, String topic) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new Receipts(consumer);
    }

    /** The size of the first record that arrives; then skips to the end, so that only new events count. */
    RecordSize firstRecordSize() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                return RecordSize.of(
                        record.serializedKeySize(),
                        record.serializedValueSize(),
                        record.headers().toArray());
            }
        }
        throw new IllegalStateException("no published record reached the consumer within a minute");
    }

    /** Awaits the event {@code eventId}, due at {@code dueNanos} ({@link System#nanoTime()}). */
    void due(UUID eventId, long dueNanos) {
        dueTimes.put(eventId.toString(), dueNanos);
    }

    /** When the awaited event {@code eventId} was received ({@link System#nanoTime()}), once it was. */
    long receivedAt(UUID eventId) {
        Long at = receivedTimes.get(eventId.toString());
        if (at == null) {
            throw new IllegalStateException("event " + eventId + " was not received");
        }
        return at;
    }

    /**
     * Starts counting the receipts of {@code total} awaited events: into {@code latency} (nanoseconds) those due
     * at {@code measuredFrom} ({@link System#nanoTime()}) or later, into {@code warmUp} those due before.
     */
    Listening listen(long total, long measuredFrom, Histogram latency, Histogram warmUp) {
        long[] received = {0};
        var thread = Thread.ofPlatform().name("annals-bench-relay-receipts").start(() -> {
            while (received[0] < total && !Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String eventId = eventId(record.value());
                    Long due = dueTimes.remove(eventId);
                    if (due != null) {
                        receivedTimes.put(eventId, now);
                        var into = due - measuredFrom >= 0 ? latency : warmUp;
                        into.recordValue(Math.min(into.getHighestTrackableValue(), now - due));
                        received[0]++;
                    }
                }
            }
        });
        return new Listening(thread, total, received);
    }

    // Reads up to the envelope's "id" (its second attribute) and no further: the consumer shares the machine
    // with what it measures, so it parses no more than it needs.
    private static String eventId(byte[] envelope) {
        try (JsonParser parser = JSON.createParser(envelope)) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME
                        && parser.getParsingContext().getParent().inRoot()
                        && "id".equals(parser.currentName())) {
                    return parser.nextTextValue();
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

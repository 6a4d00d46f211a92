package dev.annals.bench.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
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

    /**
     * The latency run's events: event {@code n} (0 to {@code total - 1}) carries the id {@link #eventId(long)
     * eventId(n)} and is due at {@code start + n * interval} ({@link System#nanoTime()}); those from
     * {@code measuredFrom} on are measured, those before are the warm-up. Everything the run notes is kept
     * in arrays indexed by {@code n}: maps keyed by event id grew the heap the collector copies by hundreds of
     * bytes per event, and its pauses, which stop the appends, the relay and this consumer alike, grew into
     * the very tail the run measures.
     */
    record Schedule(long mark, long start, long interval, int total, int measuredFrom) {

        /** The id of event {@code n}: this run's mark, then {@code n}. */
        UUID eventId(long n) {
            return new UUID(mark, n);
        }

        long due(int n) {
            return start + n * interval;
        }
    }

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
    private AtomicLongArray receivedTimes = new AtomicLongArray(0);

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

    /** When event {@code n} of the schedule listened to was received ({@link System#nanoTime()}). */
    long receivedAt(int n) {
        long at = receivedTimes.get(n);
        if (at == 0) {
            throw new IllegalStateException("event " + n + " of the latency run was not received");
        }
        return at;
    }

    /**
     * Starts counting the receipts of the schedule's events: into {@code latency} (nanoseconds from each one's
     * due time) those measured, into {@code warmUp} those before. Records of other events are skipped.
     */
    Listening listen(Schedule schedule, Histogram latency, Histogram warmUp) {
        receivedTimes = new AtomicLongArray(schedule.total());
        long[] received = {0};
        var thread = Thread.ofPlatform().name("annals-bench-relay-receipts").start(() -> {
            while (received[0] < schedule.total() && !Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String text = eventId(record.value());
                    if (text.isEmpty()) {
                        continue;
                    }
                    var id = UUID.fromString(text);
                    long n = id.getLeastSignificantBits();
                    if (id.getMostSignificantBits() != schedule.mark() || n < 0 || n >= schedule.total()) {
                        continue;
                    }
                    int index = (int) n;
                    if (receivedTimes.compareAndSet(index, 0, now)) {
                        var into = index >= schedule.measuredFrom() ? latency : warmUp;
                        into.recordValue(Math.min(into.getHighestTrackableValue(), now - schedule.due(index)));
                        received[0]++;
                    }
                }
            }
        });
        return new Listening(thread, schedule.total(), received);
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

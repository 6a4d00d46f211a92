package dev.annals.kafka.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a read_committed consumer of the relay's topics has received, collected on a thread of its own: the
 * view of another service reading Annals' events from Kafka with plain kafka-clients and the CloudEvents
 * SDK.
 */
public final class PublishedLog implements AutoCloseable {

    /** One received record. */
    public record Received(String topic, int partition, long offset, String key, CloudEvent event) {
        public String stream() {
            return event.getSubject();
        }

        public long streamVersion() {
            return Long.parseLong((String) event.getExtension("streamversion"));
        }

        public long position() {
            return Long.parseLong((String) event.getExtension("position"));
        }
    }

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<Received> received = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean caughtUp;

    private PublishedLog(String bootstrapServers, Pattern topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        500),
                new StringDeserializer(),
                new CloudEventDeserializer());
        consumer.subscribe(topics);
        thread = Thread.ofPlatform().name("published-log").daemon().start(this::run);
    }

    /** Starts reading every topic matching {@code topics} from its beginning. */
    public static PublishedLog read(String bootstrapServers, Pattern topics) {
        return new PublishedLog(bootstrapServers, topics);
    }

    private void run() {
        try {
            while (!closing) {
                var records = consumer.poll(Duration.ofMillis(200));
                synchronized (received) {
                    for (var record : records) {
                        received.add(new Received(
                                record.topic(), record.partition(), record.offset(), record.key(), record.value()));
                    }
                }
                caughtUp = reachedEnd();
            }
        } catch (WakeupException e) {
            // close()
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private boolean reachedEnd() {
        try {
            var assignment = consumer.assignment();
            if (assignment.isEmpty()) {
                return false;
            }
            var ends = consumer.endOffsets(assignment, Duration.ofSeconds(5));
            return assignment.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
    }

    /**
     * True when, at its last poll, the consumer had read every committed record of the partitions it was
     * assigned: with no relay running, nothing more is to come.
     */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Everything received so far, in the order received. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int size() {
        synchronized (received) {
            return received.size();
        }
    }

    /** The stream versions received per stream, in the order received. */
    public Map<String, List<Long>> versionsByStream() {
        var byStream = new LinkedHashMap<String, List<Long>>();
        for (var record : received()) {
            byStream.computeIfAbsent(record.stream(), stream -> new ArrayList<>())
                    .add(record.streamVersion());
        }
        return byStream;
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.annals.drill.drills;

import dev.annals.drill.check.SubscriberLog;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a {@code read_committed} consumer of the relay's topic received: the drill's events, by global
 * position and event id, in the order Kafka delivered them. The topic has one partition, so that order must
 * be the log's; the checker compares it with the log as it does a live subscriber's.
 */
final class PublishedEvents implements SubscriberLog, AutoCloseable {

    private final String streamPrefix;
    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<Received> received = new ArrayList<>();
    private final Thread thread;
    private volatile long position;
    private volatile String failure = "";

    PublishedEvents(String bootstrapServers, String topic, String streamPrefix) {
        this.streamPrefix = streamPrefix;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "annals-drill-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(),
                new CloudEventDeserializer());
        consumer.subscribe(List.of(topic));
        this.thread = Thread.ofPlatform().daemon().name("drill-published").start(this::run);
    }

    private void run() {
        try {
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var event = record.value();
                    if (event == null
                            || event.getSubject() == null
                            || !event.getSubject().startsWith(streamPrefix)) {
                        continue;
                    }
                    long at = Long.parseLong(String.valueOf(event.getExtension("position")));
                    synchronized (this) {
                        received.add(new Received(at, UUID.fromString(event.getId())));
                    }
                    position = Math.max(position, at);
                }
            }
        } catch (WakeupException closing) {
            // close()
        } catch (RuntimeException e) {
            failure = e.toString();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public synchronized List<Received> receivedSince(int from) {
        return List.copyOf(received.subList(Math.min(from, received.size()), received.size()));
    }

    /** How many of the drill's events it received. */
    synchronized int size() {
        return received.size();
    }

    /** The highest position received. */
    long position() {
        return position;
    }

    /** Why the consumer stopped, if it did. */
    String failure() {
        return failure;
    }

    /** Waits until {@code test} holds; false when {@code timeout} passed first. */
    boolean await(java.util.function.BooleanSupplier test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!test.getAsBoolean()) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}

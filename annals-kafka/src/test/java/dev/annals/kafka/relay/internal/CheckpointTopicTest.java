package dev.annals.kafka.relay.internal;

import dev.annals.kafka.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckpointTopicTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void a_read_held_back_by_an_open_transaction_names_the_partition_its_offsets_and_the_transaction()
            throws Exception {
        String topic = "checkpoints-" + UUID.randomUUID();
        try (Admin admin = broker.admin();
                var other = transactionalProducer("another-relay-" + UUID.randomUUID())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            other.initTransactions();
            other.beginTransaction();
            other.send(new ProducerRecord<>(topic, "another-relay", "{}".getBytes(StandardCharsets.UTF_8)))
                    .get();
            var checkpoints = new CheckpointTopic(topic, "this-relay", this::committedReader);

            var timedOut =
                    catchThrowableOfType(TimeoutException.class, () -> checkpoints.read(admin, Duration.ofSeconds(2)));

            assertThat(timedOut.getMessage())
                    .startsWith("reading the checkpoint topic " + topic + " took over PT2S: ")
                    .contains(topic + "-0 at offset 0 of 1")
                    .containsPattern("open transactions: producer id \\d+ \\(epoch \\d+\\) since offset 0");
            // Once that transaction ends, the same read reaches the end.
            other.abortTransaction();
            assertThat(checkpoints.read(admin, Duration.ofSeconds(30)).position())
                    .isZero();
        }
    }

    private KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> committedReader() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}

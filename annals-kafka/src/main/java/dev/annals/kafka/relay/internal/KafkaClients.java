package dev.annals.kafka.relay.internal;

import dev.annals.kafka.relay.RelayOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Makes the Kafka clients of one relay, all with the operator's properties (security, SASL) applied. */
public final class KafkaClients {

    private final RelayOptions options;

    public KafkaClients(RelayOptions options) {
        this.options = options;
    }

    private Map<String, Object> common(String role) {
        var properties = new HashMap<String, Object>(options.kafka());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, "annals-relay-" + options.name() + "-" + role);
        // Fail an attempt within seconds rather than minutes: the relay retries it from its checkpoint anyway.
        properties.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.putIfAbsent(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return properties;
    }

    /** A transactional, idempotent producer holding the relay's transactional id. */
    public KafkaProducer<String, byte[]> transactionalProducer() {
        var properties = common("producer");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
        properties.putAll(options.producerSettings());
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        // A relay that dies mid-transaction holds back read_committed consumers until its successor fences
        // it or this timeout aborts the transaction.
        properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 20_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer outside any group that sees committed records only. */
    public KafkaConsumer<String, byte[]> committedReader() {
        var properties = common("checkpoint-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Its blocking calls without a timeout of their own (partitionsFor, position) give up as the admin's
        // do, instead of after the default minute: a relay watching or reading checkpoints while the broker is
        // away retries sooner.
        properties.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        var properties = common("admin");
        properties.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(properties);
    }
}

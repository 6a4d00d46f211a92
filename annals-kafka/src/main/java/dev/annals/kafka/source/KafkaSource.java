package dev.annals.kafka.source;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where a Kafka-fed projection reads: the relay's topics on a cluster. Workers of one projection form one
 * consumer group ({@code annals-projection-NAME}) and share the topics' partitions.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topics           the topics to read, as a pattern ({@code annals\.account} for one category)
 * @param kafka            further consumer properties (security, SASL)
 * @param pollTimeout      how long one poll waits for records
 */
public record KafkaSource(String bootstrapServers, Pattern topics, Map<String, String> kafka, Duration pollTimeout) {

    public KafkaSource {
        requireNonNull(bootstrapServers, "bootstrapServers");
        requireNonNull(topics, "topics");
        kafka = Map.copyOf(requireNonNull(kafka, "kafka"));
        requireNonNull(pollTimeout, "pollTimeout");
    }

    /** The topics matching {@code topics} on {@code bootstrapServers}. */
    public static KafkaSource of(String bootstrapServers, Pattern topics) {
        return new KafkaSource(bootstrapServers, topics, Map.of(), Duration.ofMillis(200));
    }
}

package dev.annals.kafka.relay.internal;

import dev.annals.kafka.relay.RelayConfigurationException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics the relay writes exist before a transaction writes to them: a producer sending to a
 * missing topic would only block until its timeout.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final Admin admin;
    private final boolean create;
    private final int partitions;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicSetup(Admin admin, boolean create, int partitions) {
        this.admin = admin;
        this.create = create;
        this.partitions = partitions;
    }

    /** The checkpoint topic: compacted, one partition, with short segments so that compaction keeps it small. */
    public void ensureCheckpointTopic(String topic) throws Exception {
        ensure(
                topic,
                1,
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.SEGMENT_MS_CONFIG, "600000",
                        TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1"));
    }

    /** An event topic, created with the configured partitions when missing and allowed. */
    public void ensureEventTopic(String topic) throws Exception {
        ensure(topic, partitions, Map.of());
    }

    private void ensure(String topic, int count, Map<String, String> config) throws Exception {
        if (known.contains(topic)) {
            return;
        }
        if (!exists(topic)) {
            if (!create) {
                throw new RelayConfigurationException("topic '" + topic
                        + "' does not exist and the relay may not create topics: create it, or allow creation");
            }
            try {
                admin.createTopics(Set.of(new NewTopic(topic, Optional.of(count), Optional.empty()).configs(config)))
                        .all()
                        .get();
                LOG.info("relay created topic {} with {} partitions", topic, count);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        known.add(topic);
    }

    private boolean exists(String topic) throws Exception {
        try {
            admin.describeTopics(Set.of(topic)).allTopicNames().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}

package dev.annals.kafka.relay;

import dev.annals.store.StreamName;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Which Kafka topic an event of a stream goes to.
 *
 * <p>{@link PerCategory} (the default) sends each category to a topic of its own, named the prefix followed
 * by the category, with every character Kafka refuses in a topic name (anything but letters, digits,
 * {@code .}, {@code _} and {@code -}) replaced by {@code _}: {@code account-42} goes to
 * {@code annals.account}. Two categories that differ only in such characters share a topic. {@link Single}
 * sends everything to one topic. Either way the record key is the stream, so one stream's events stay on
 * one partition, in order.
 */
public sealed interface TopicRule {

    /** The topic that events of {@code stream} are published to. */
    String topicFor(String stream);

    /** One topic per category: {@code prefix + category}. */
    record PerCategory(String prefix) implements TopicRule {
        public PerCategory {
            requireNonNull(prefix, "prefix");
            if (!prefix.isEmpty()) {
                TopicNames.validate(prefix, "topic prefix");
            }
        }

        @Override
        public String topicFor(String stream) {
            return TopicNames.sanitize(prefix + StreamName.categoryOf(stream));
        }
    }

    /** Every event to {@code topic}. */
    record Single(String topic) implements TopicRule {
        public Single {
            TopicNames.validate(requireNonNull(topic, "topic"), "topic");
        }

        @Override
        public String topicFor(String stream) {
            return topic;
        }
    }

    /** Kafka's rule for topic names. */
    final class TopicNames {
        private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");
        private static final Pattern ILLEGAL_CHARACTER = Pattern.compile("[^A-Za-z0-9._-]");

        private TopicNames() {}

        static String validate(String name, String what) {
            if (!LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new RelayConfigurationException(what + " '" + name
                        + "' is not a Kafka topic name: use 1 to 249 letters, digits, '.', '_' or '-'");
            }
            return name;
        }

        static String sanitize(String name) {
            var legal = ILLEGAL_CHARACTER.matcher(name).replaceAll("_");
            return legal.length() > 249 ? legal.substring(0, 249) : legal;
        }
    }
}

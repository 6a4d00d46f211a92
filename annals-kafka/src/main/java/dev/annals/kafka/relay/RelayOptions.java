package dev.annals.kafka.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * How a {@link KafkaRelay} runs. Start from {@link #to(String)} and change what differs with the
 * {@code with…} methods; every value is checked when set.
 *
 * @param name            names the relay: its transactional id is {@code annals-relay-NAME} and its
 *                        checkpoint is kept under {@code NAME}. Two relays with one name on one source fence
 *                        each other; relays of different sources need different names.
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param kafka           further client properties (security, SASL), given to every client the relay makes
 * @param topics          which topic each event goes to
 * @param filter          which events are published
 * @param checkpointTopic the compacted topic holding relays' checkpoints and heartbeats
 * @param createTopics    whether missing topics are created; when false a missing topic stops the relay
 * @param partitions      partitions of the event topics the relay creates
 * @param source          the CloudEvents {@code source} attribute of every published event
 * @param batchSize       events read from the store at a time (one page); a transaction holds one or more
 * @param transactionTime how long a Kafka transaction may stay open while the relay is behind the head
 * @param transactionEvents events a Kafka transaction holds at most; it is committed at the first of
 *                        {@code transactionTime}, {@code transactionEvents}, or the relay reaching the head
 * @param pollInterval    how often an idle relay looks for new events when the store cannot notify it
 * @param heartbeat       how often an idle active relay commits its checkpoint again, to show it is alive
 * @param takeoverAfter   how long a standby waits without a heartbeat before taking over
 * @param maxBackoff      the longest wait between attempts after Kafka or the store failed
 * @param connectTimeout  how long {@link KafkaRelay#start} waits for the broker before giving up
 * @param meterRegistry   where the {@code annals.relay.*} gauges go
 * @param clock           the clock of lag and heartbeats
 */
public record RelayOptions(
        String name,
        String bootstrapServers,
        Map<String, String> kafka,
        TopicRule topics,
        RelayFilter filter,
        String checkpointTopic,
        boolean createTopics,
        int partitions,
        URI source,
        int batchSize,
        Duration transactionTime,
        int transactionEvents,
        Duration pollInterval,
        Duration heartbeat,
        Duration takeoverAfter,
        Duration maxBackoff,
        Duration connectTimeout,
        MeterRegistry meterRegistry,
        Clock clock) {

    // Batches of 128 KiB (about 280 envelopes) instead of the client's 16 KiB: fewer produce requests for the
    // producer's network thread and the broker to handle per event, which on a small machine both share with
    // the relay (docs/benchmarks.md, "The Kafka relay").
    private static final Map<String, String> PRODUCER_DEFAULTS =
            Map.of("linger.ms", "5", "batch.size", "131072", "compression.type", "none");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern SERVERS = Pattern.compile("[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*");

    public RelayOptions {
        requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new RelayConfigurationException(
                    "relay name '" + name + "' must be 1 to 100 letters, digits, '_' or '-'");
        }
        requireNonNull(bootstrapServers, "bootstrapServers");
        if (!SERVERS.matcher(bootstrapServers).matches()) {
            throw new RelayConfigurationException(
                    "bootstrap servers '" + bootstrapServers + "' must be HOST:PORT, or several separated by commas");
        }
        kafka = Map.copyOf(requireNonNull(kafka, "kafka"));
        requireNonNull(topics, "topics");
        requireNonNull(filter, "filter");
        TopicRule.TopicNames.validate(requireNonNull(checkpointTopic, "checkpointTopic"), "checkpoint topic");
        positive(partitions, "partitions");
        requireNonNull(source, "source");
        positive(batchSize, "batch size");
        positive(transactionTime, "transaction time");
        positive(transactionEvents, "events per transaction");
        positive(pollInterval, "poll interval");
        positive(heartbeat, "heartbeat");
        positive(takeoverAfter, "takeover time");
        if (takeoverAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new RelayConfigurationException("the takeover time (" + takeoverAfter
                    + ") must be at least twice the heartbeat (" + heartbeat + ")");
        }
        positive(maxBackoff, "maximum back-off");
        positive(connectTimeout, "connect timeout");
        requireNonNull(meterRegistry, "meterRegistry");
        requireNonNull(clock, "clock");
    }

    /** The defaults: relay {@code annals}, every event, one topic per category with prefix {@code annals.}. */
    public static RelayOptions to(String bootstrapServers) {
        return new RelayOptions(
                "annals",
                bootstrapServers,
                Map.of(),
                new TopicRule.PerCategory("annals."),
                RelayFilter.everything(),
                "annals.relay.checkpoints",
                true,
                3,
                URI.create("/annals"),
                500,
                Duration.ofMillis(100),
                20_000,
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                Metrics.globalRegistry,
                Clock.systemUTC());
    }

    /**
     * The producer settings that decide how fast the relay publishes: {@code acks=all} and idempotence,
     * which transactions need and {@link #kafka()} cannot change, then {@code linger.ms}, {@code batch.size}
     * and {@code compression.type}, the relay's defaults unless {@link #kafka()} sets them. {@code annals
     * bench relay} gives the same settings to Kafka's own producer for its ceiling.
     */
    public Map<String, String> producerSettings() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("acks", "all");
        settings.put("enable.idempotence", "true");
        PRODUCER_DEFAULTS.forEach((key, value) -> settings.put(key, kafka.getOrDefault(key, value)));
        return Map.copyOf(settings);
    }

    /** The transactional id every instance of this relay uses: what fences a predecessor. */
    public String transactionalId() {
        return "annals-relay-" + name;
    }

    public RelayOptions withName(String value) {
        return edit(draft -> draft.name = value);
    }

    public RelayOptions withKafka(Map<String, String> value) {
        return edit(draft -> draft.kafka = value);
    }

    public RelayOptions withTopics(TopicRule value) {
        return edit(draft -> draft.topics = value);
    }

    public RelayOptions withFilter(RelayFilter value) {
        return edit(draft -> draft.filter = value);
    }

    public RelayOptions withCheckpointTopic(String value) {
        return edit(draft -> draft.checkpointTopic = value);
    }

    /** Whether missing topics are created, and with how many partitions. */
    public RelayOptions withTopicCreation(boolean create, int newPartitions) {
        return edit(draft -> {
            draft.createTopics = create;
            draft.partitions = newPartitions;
        });
    }

    public RelayOptions withBatchSize(int value) {
        return edit(draft -> draft.batchSize = value);
    }

    /**
     * When a transaction is committed while the relay is behind the head: after {@code maxTime} or
     * {@code maxEvents} events, whichever comes first. A relay that reaches the head commits at once.
     */
    public RelayOptions withTransactions(Duration maxTime, int maxEvents) {
        return edit(draft -> {
            draft.transactionTime = maxTime;
            draft.transactionEvents = maxEvents;
        });
    }

    /**
     * How often the relay reads the store for new events when nothing told it of any: appends made by
     * another process to a store that cannot notify across processes (the embedded one) wait this long at most.
     */
    public RelayOptions withPollInterval(Duration value) {
        return edit(draft -> draft.pollInterval = value);
    }

    /** The heartbeat and the time a standby waits without one before it takes over. */
    public RelayOptions withTakeover(Duration newHeartbeat, Duration after) {
        return edit(draft -> {
            draft.heartbeat = newHeartbeat;
            draft.takeoverAfter = after;
        });
    }

    public RelayOptions withMaxBackoff(Duration value) {
        return edit(draft -> draft.maxBackoff = value);
    }

    public RelayOptions withConnectTimeout(Duration value) {
        return edit(draft -> draft.connectTimeout = value);
    }

    public RelayOptions withMeterRegistry(MeterRegistry value) {
        return edit(draft -> draft.meterRegistry = value);
    }

    /** A copy with what {@code change} sets, checked again as a whole. */
    private RelayOptions edit(Consumer<Draft> change) {
        var draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The values of options being changed, before they are checked. */
    private static final class Draft {
        String name;
        String bootstrapServers;
        Map<String, String> kafka;
        TopicRule topics;
        RelayFilter filter;
        String checkpointTopic;
        boolean createTopics;
        int partitions;
        URI source;
        int batchSize;
        Duration transactionTime;
        int transactionEvents;
        Duration pollInterval;
        Duration heartbeat;
        Duration takeoverAfter;
        Duration maxBackoff;
        Duration connectTimeout;
        MeterRegistry meterRegistry;
        Clock clock;

        Draft(RelayOptions from) {
            name = from.name;
            bootstrapServers = from.bootstrapServers;
            kafka = from.kafka;
            topics = from.topics;
            filter = from.filter;
            checkpointTopic = from.checkpointTopic;
            createTopics = from.createTopics;
            partitions = from.partitions;
            source = from.source;
            batchSize = from.batchSize;
            transactionTime = from.transactionTime;
            transactionEvents = from.transactionEvents;
            pollInterval = from.pollInterval;
            heartbeat = from.heartbeat;
            takeoverAfter = from.takeoverAfter;
            maxBackoff = from.maxBackoff;
            connectTimeout = from.connectTimeout;
            meterRegistry = from.meterRegistry;
            clock = from.clock;
        }

        RelayOptions build() {
            return new RelayOptions(
                    name,
                    bootstrapServers,
                    kafka,
                    topics,
                    filter,
                    checkpointTopic,
                    createTopics,
                    partitions,
                    source,
                    batchSize,
                    transactionTime,
                    transactionEvents,
                    pollInterval,
                    heartbeat,
                    takeoverAfter,
                    maxBackoff,
                    connectTimeout,
                    meterRegistry,
                    clock);
        }
    }

    private static void positive(int value, String what) {
        if (value < 1) {
            throw new RelayConfigurationException(what + " must be at least 1, was " + value);
        }
    }

    private static void positive(Duration value, String what) {
        requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new RelayConfigurationException(what + " must be positive, was " + value);
        }
    }
}

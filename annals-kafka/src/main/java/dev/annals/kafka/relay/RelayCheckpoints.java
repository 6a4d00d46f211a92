package dev.annals.kafka.relay;

import dev.annals.kafka.relay.internal.CheckpointTopic;
import dev.annals.kafka.relay.internal.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The relays whose checkpoints a checkpoint topic holds, as any process can read them without asking the
 * relays: what {@code annals projections --bootstrap-servers} shows of relays it does not run. A relay
 * commits its checkpoint with every transaction and again every heartbeat while idle, so the last one says
 * where it is and how long ago it was last heard of, and the last two how fast it went between them.
 */
public final class RelayCheckpoints {

    /**
     * One relay's last committed checkpoint.
     *
     * @param relay              the relay's name (the checkpoint record's key)
     * @param position           the last global position it has published
     * @param committedAt        when it committed that checkpoint
     * @param publishedPerSecond positions per second between its last two checkpoints; 0 when it has one
     */
    public record Checkpoint(String relay, long position, Instant committedAt, double publishedPerSecond) {}

    private RelayCheckpoints() {}

    /**
     * Every relay's last checkpoint in the checkpoint topic of {@code options} (its bootstrap servers,
     * security settings and topic name), by relay name; empty when the topic does not exist.
     *
     * @throws RelayConfigurationException one line on what Kafka answered: unreachable, credentials refused,
     *     not allowed, or the topic not read in time
     */
    public static List<Checkpoint> read(RelayOptions options) {
        var clients = new KafkaClients(options);
        try (var admin = clients.admin()) {
            Preflight.check(admin, options);
            var lastTwo = new TreeMap<String, Checkpoint[]>();
            new CheckpointTopic(options.checkpointTopic(), options.name(), clients::committedReader)
                    .scan(admin, Duration.ofSeconds(30), record -> {
                        var committed = parse(record.key(), record.value());
                        if (committed != null) {
                            var pair = lastTwo.computeIfAbsent(committed.relay(), relay -> new Checkpoint[2]);
                            pair[0] = pair[1];
                            pair[1] = committed;
                        }
                    });
            var checkpoints = new ArrayList<Checkpoint>();
            for (Map.Entry<String, Checkpoint[]> entry : lastTwo.entrySet()) {
                checkpoints.add(withRate(entry.getValue()[0], entry.getValue()[1]));
            }
            return List.copyOf(checkpoints);
        } catch (RelayConfigurationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayConfigurationException("interrupted while reading the relays' checkpoints");
        } catch (Exception e) {
            var explained = Preflight.explain(e, options);
            throw new RelayConfigurationException(explained
                    .getMessage()
                    .replace("the relay could not start against", "the relays' checkpoints could not be read from"));
        }
    }

    private static Checkpoint withRate(Checkpoint before, Checkpoint last) {
        if (before == null) {
            return last;
        }
        double seconds =
                Duration.between(before.committedAt(), last.committedAt()).toNanos() / 1e9;
        double rate = seconds > 0 ? Math.max(0, last.position() - before.position()) / seconds : 0;
        return new Checkpoint(last.relay(), last.position(), last.committedAt(), rate);
    }

    // A record another writer left in the topic, or a tombstone, is passed over: this is a report, not a check.
    private static Checkpoint parse(String key, byte[] value) {
        if (key == null || value == null) {
            return null;
        }
        try {
            var committed = CheckpointTopic.checkpoint(value);
            return new Checkpoint(key, committed.position(), committed.at(), 0);
        } catch (IllegalStateException notACheckpoint) {
            return null;
        }
    }
}

package dev.annals.kafka.testing;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.RelayRole;
import dev.annals.kafka.relay.TopicRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A relay in a JVM of its own, beside the test's writers, so that the tests can end it with SIGKILL. It
 * opens the store read-only through the backend seam and prints {@code role ROLE} whenever its role
 * changes and, while active, {@code checkpoint N} whenever its checkpoint moves.
 */
public final class RelayChild implements AutoCloseable {

    private final ChildJvm jvm;

    private RelayChild(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts a relay named {@code name} from the store at {@code location} to topics {@code prefix + category}. */
    public static RelayChild start(Path directory, String location, String bootstrap, String name, String prefix) {
        return new RelayChild(ChildJvm.start(directory, RelayChild.class, location, bootstrap, name, prefix));
    }

    /** The roles it has printed, in order. */
    public List<String> roles() {
        return jvm.printed("role ");
    }

    /** How many times this life has moved its checkpoint: 1 once it has resumed, 2 after its first commit. */
    public long checkpointMoves() {
        return jvm.printed("checkpoint ").size();
    }

    /** Its last printed role, or an empty string. */
    public String role() {
        var roles = roles();
        return roles.isEmpty() ? "" : roles.getLast();
    }

    /** Ends it with SIGKILL. */
    public void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        kill();
    }

    public static void main(String[] args) throws Exception {
        var options = RelayOptions.to(args[1])
                .withName(args[2])
                .withTopics(new TopicRule.PerCategory(args[3]))
                .withTakeover(Duration.ofMillis(500), Duration.ofSeconds(3))
                .withBatchSize(50);
        try (var deployment = Backends.installed().open(args[0], OpenOptions.readOnly());
                var relay = KafkaRelay.start(deployment.store(), options)) {
            RelayRole shown = null;
            long checkpoint = -1;
            while (!relay.awaitStopped(Duration.ofMillis(20))) {
                var status = relay.status();
                if (status.role() != shown) {
                    System.out.println("role " + status.role());
                    shown = status.role();
                }
                if (status.role() == RelayRole.ACTIVE && status.checkpoint() != checkpoint) {
                    System.out.println("checkpoint " + status.checkpoint());
                    checkpoint = status.checkpoint();
                }
                System.out.flush();
            }
        }
    }
}

package dev.annals.drill.drills;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.fault.ChildJvm;
import dev.annals.kafka.relay.KafkaRelay;
import dev.annals.kafka.relay.RelayFilter;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.kafka.relay.TopicRule;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The child JVM {@code kill-relay} kills: a Kafka relay publishing the store's {@code drill} category to the
 * drill's own topic of one partition (so that a consumer sees the drill's events in the log's order), under a
 * relay name of the drill's own. Arguments: the store's location, the bootstrap servers, the topic, the
 * relay's name.
 */
public final class RelayProcess {

    private RelayProcess() {}

    public static void main(String[] args) throws InterruptedException {
        ChildJvm.exitWithParent();
        // Straight to the file descriptor: System.out may be taken over by logging.
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Read-only: the drill's writers hold the embedded store's write lock; the relay only reads.
        var store = Backends.installed().open(args[0], OpenOptions.readOnly()).store();
        var options = RelayOptions.to(args[1])
                .withName(args[3])
                .withTopics(new TopicRule.Single(args[2]))
                .withFilter(new RelayFilter(Set.of("drill"), Set.of()))
                .withTopicCreation(true, 1);
        KafkaRelay.start(store, options);
        out.println("RELAYING");
        Thread.currentThread().join();
    }
}

package dev.annals.kafka.source;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.kafka.testing.ChildJvm;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A worker of the Kafka-fed {@link Tallies} projection in a JVM of its own, so that the test can end it with
 * SIGKILL. It prints {@code applied N} whenever its count of applied events moves.
 */
final class ProjectionWorkerChild implements AutoCloseable {

    private final ChildJvm jvm;

    private ProjectionWorkerChild(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static ProjectionWorkerChild start(Path directory, String bootstrap, String topic, String readModels) {
        return new ProjectionWorkerChild(
                ChildJvm.start(directory, ProjectionWorkerChild.class, bootstrap, topic, readModels));
    }

    /** The last count of applied events it printed; 0 before any. */
    long applied() {
        return jvm.printed("applied ").stream().mapToLong(Long::parseLong).max().orElse(0);
    }

    void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        kill();
    }

    public static void main(String[] args) throws Exception {
        var source = KafkaSource.of(args[0], Pattern.compile(Pattern.quote(args[1])));
        try (var deployment = Backends.installed().open(args[2], OpenOptions.defaults());
                var target =
                        deployment.require(JdbcReadModels.class, "read models").store(Tallies.TABLES);
                var worker = KafkaProjection.start(Tallies.projection("tallies"), target, source)) {
            long shown = -1;
            var never = new CountDownLatch(1);
            while (!never.await(20, TimeUnit.MILLISECONDS)) {
                if (worker.applied() != shown) {
                    shown = worker.applied();
                    System.out.println("applied " + shown);
                    System.out.flush();
                }
            }
        }
    }
}

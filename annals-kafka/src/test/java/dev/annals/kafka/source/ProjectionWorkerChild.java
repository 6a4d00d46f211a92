package dev.annals.kafka.source;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A worker of the Kafka-fed {@link Tallies} projection in a JVM of its own, so that the test can end it with
 * SIGKILL. It prints {@code applied N} whenever its count of applied events moves.
 */
final class ProjectionWorkerChild implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ProjectionWorkerChild(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ProjectionWorkerChild start(Path directory, String bootstrap, String topic, String readModels) {
        try {
            Files.createDirectories(directory);
            var output = Files.createTempFile(directory, "worker-", ".log");
            var process = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx256m",
                            // Starts in about half the time on a busy machine; the children need no peak speed.
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ProjectionWorkerChild.class.getName(),
                            bootstrap,
                            topic,
                            readModels)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new ProjectionWorkerChild(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last count of applied events it printed; 0 before any. */
    long applied() {
        try {
            return Files.readAllLines(output).stream()
                    .filter(line -> line.startsWith("applied "))
                    .mapToLong(line -> Long.parseLong(line.substring(8)))
                    .max()
                    .orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

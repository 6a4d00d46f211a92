package dev.annals.cli;

import dev.annals.kafka.testing.KafkaBroker;
import dev.annals.kafka.testing.PublishedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code annals relay kafka} from the packaged {@code annals.jar}, as an operator runs it: the shaded jar
 * must carry what the relay finds at run time (the CloudEvents formats and Kafka's own classes are found by
 * service loading and by name, which the in-JVM tests cannot catch missing).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
// A guard against a hang, not a speed check.
@Timeout(600)
class RelayFromTheShippedJarIT {

    private static final Path JAR = Path.of("").toAbsolutePath().getParent().resolve("annals-cli/target/annals.jar");

    private record Outcome(int exitCode, String out, String err) {}

    @TempDir
    Path temp;

    @Test
    void the_shipped_jar_publishes_the_store_to_kafka_as_cloud_events() throws Exception {
        Path data = temp.resolve("data");
        assertThat(annals("--data", data.toString(), "append", "shipped-1", "Opened", "{}")
                        .exitCode())
                .isZero();
        assertThat(annals("--data", data.toString(), "append", "shipped-1", "Deposited", "{\"amount\":5}")
                        .exitCode())
                .isZero();

        try (var broker = KafkaBroker.start();
                var log = PublishedLog.read(broker.bootstrapServers(), Pattern.compile("jar\\..*"))) {
            var relay = annals(
                    "--data",
                    data.toString(),
                    "relay",
                    "kafka",
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--topic-per-category",
                    "jar.",
                    "--name",
                    "shipped",
                    "--until-caught-up");

            assertThat(relay.exitCode()).as(relay.err()).isZero();
            assertThat(relay.out()).contains("relay shipped: published 2 event(s); checkpoint at position 2");
            await().atMost(Duration.ofSeconds(60)).until(() -> log.size() == 2 && log.caughtUp());
            assertThat(log.received()).allSatisfy(received -> {
                assertThat(received.topic()).isEqualTo("jar.shipped");
                assertThat(received.key()).isEqualTo("shipped-1");
                assertThat(received.event().getSubject()).isEqualTo("shipped-1");
            });
            assertThat(log.versionsByStream()).containsEntry("shipped-1", List.of(0L, 1L));
        }
    }

    private Outcome annals(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("annals " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Outcome(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

package dev.annals.bench.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code ProducerPerformance} (from kafka-tools), run in a JVM of its own on the benchmark's
 * class path: the ceiling the relay is compared with. It is given the relay's producer settings (acks=all,
 * idempotence, linger 5 ms) and the relay's transaction time: it commits each transaction once it has
 * lasted that long, which is the relay's rule while it is behind the head, so that both pay for the same
 * guarantees as often. What it cannot copy: it sends no keys, and it reads nothing from a store.
 */
public final class ProducerCeiling {

    /**
     * Its final line.
     *
     * @param records           records sent
     * @param recordBytes       each record's value size
     * @param transactionMillis how long each of its transactions stayed open before its commit
     * @param recordsPerSecond  its throughput
     */
    public record Result(long records, int recordBytes, long transactionMillis, double recordsPerSecond) {}

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private ProducerCeiling() {}

    /**
     * Creates {@code topic} with as many partitions as the relay's, then sends {@code records} records of
     * {@code recordBytes} to it and returns its figures.
     */
    public static Result run(
            String bootstrapServers,
            String topic,
            int partitions,
            long records,
            int recordBytes,
            long transactionMillis) {
        createTopic(bootstrapServers, topic, partitions);
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordBytes),
                "--throughput",
                "-1",
                "--transactional-id",
                "annals-bench-ceiling-" + ProcessHandle.current().pid(),
                "--transaction-duration-ms",
                Long.toString(transactionMillis),
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=5"));
        String output;
        int exit;
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ProducerPerformance did not end within 10 minutes");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ProducerPerformance ran", e);
        }
        var summary = SUMMARY.matcher(output);
        Result last = null;
        while (summary.find()) {
            last = new Result(
                    Long.parseLong(summary.group(1)),
                    recordBytes,
                    transactionMillis,
                    Double.parseDouble(summary.group(2)));
        }
        if (exit != 0 || last == null || last.records() != records) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "): " + tail(output));
        }
        return last;
    }

    // Brokers need not create topics on first use (the benchmark's own broker does not).
    private static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not create the ceiling's topic '" + topic + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the ceiling's topic", e);
        }
    }

    private static String tail(String output) {
        return output.length() <= 2_000 ? output : output.substring(output.length() - 2_000);
    }
}

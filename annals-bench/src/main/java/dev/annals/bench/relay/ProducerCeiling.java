package dev.annals.bench.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code ProducerPerformance} (from kafka-tools), run in a JVM of its own on the benchmark's
 * class path: the ceiling the relay is compared with. It is given the relay's producer settings
 * ({@link dev.annals.kafka.relay.RelayOptions#producerSettings()}: acks=all, idempotence, linger, batch
 * size, compression) and the relay's transaction time: it commits each transaction once it has lasted that
 * long, which is the relay's rule while it is behind the head, so that both pay for the same guarantees as
 * often, and keys spread over as many values as the relay's streams, so that its records are spread over the
 * partitions as the relay's are. Its records are as large as the relay's in a batch ({@link RecordSize}): it
 * cannot send the relay's {@code content-type} header nor its longer keys (up to 3 bytes against 7 to 9), so its
 * values are longer by what those take. What it does not do: read from a store and build envelopes.
 */
public final class ProducerCeiling {

    /**
     * Its final line.
     *
     * @param records           records sent
     * @param recordBytes       each record's value size (its key is up to {@value RecordSize#CEILING_KEY_BYTES} bytes)
     * @param transactionMillis how long each of its transactions stayed open before its commit
     * @param recordsPerSecond  its throughput
     * @param cpu               the CPU time its process took, sampled until its last tenth of a second
     * @param requests          how it packed its records into requests, from the metrics it printed
     */
    public record Result(
            long records,
            int recordBytes,
            long transactionMillis,
            double recordsPerSecond,
            Duration cpu,
            Optional<ProducerRequests> requests) {}

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private ProducerCeiling() {}

    /**
     * Creates {@code topic} with as many partitions as the relay's, then sends {@code records} records of
     * {@code recordBytes}, keyed by {@code keys} distinct keys, to it and returns its figures.
     */
    public static Result run(
            String bootstrapServers,
            String topic,
            int partitions,
            int keys,
            long records,
            int recordBytes,
            long transactionMillis,
            Map<String, String> producerSettings) {
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
                // Keys spread over as many values as the relay's streams, hashed to partitions as the relay's are.
                "--key-distribution",
                "random",
                "--record-key-range",
                Integer.toString(keys),
                "--throughput",
                "-1",
                "--transactional-id",
                "annals-bench-ceiling-" + ProcessHandle.current().pid(),
                "--transaction-duration-ms",
                Long.toString(transactionMillis),
                // Its producer's metrics at the end: how full its requests and batches were.
                "--print-metrics",
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers));
        producerSettings.forEach((key, value) -> command.add(key + "=" + value));
        String output;
        int exit;
        var cpu = new AtomicReference<Duration>(Duration.ZERO);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var sampling = sampleCpu(process.toHandle(), cpu);
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sampling.interrupt();
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
                    Double.parseDouble(summary.group(2)),
                    cpu.get(),
                    ProducerRequests.ofPrinted(output));
        }
        if (exit != 0 || last == null || last.records() != records) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "): " + tail(output));
        }
        return last;
    }

    // A process's CPU time is readable only while it runs: the last sample, up to 100 ms before its end, is kept.
    private static Thread sampleCpu(ProcessHandle process, AtomicReference<Duration> cpu) {
        return Thread.ofPlatform().daemon().name("annals-bench-ceiling-cpu").start(() -> {
            while (process.isAlive()) {
                process.info().totalCpuDuration().ifPresent(cpu::set);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    // Brokers need not create topics on first use (the benchmark's own broker does not).
    static void createTopic(String bootstrapServers, String topic, int partitions) {
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

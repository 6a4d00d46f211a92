package dev.annals.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) started as a JVM of its
 * own from the jars on this module's test class path, listening on free loopback ports only.
 *
 * <p>Its log directory survives {@link #kill()} and {@link #restart()}, which is how the tests take the
 * broker away under a running relay; {@link #close()} stops it and deletes everything. The broker's output
 * goes to {@code broker.log} in its directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private Process process;

    /** The one user the SASL listener knows, with {@link #SASL_PASSWORD}. */
    public static final String SASL_USER = "annals";

    /** {@link #SASL_USER}'s password on the SASL listener. */
    public static final String SASL_PASSWORD = "annals-secret";

    private KafkaBroker(Path directory, int port, int controllerPort, int saslPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
    }

    /** Formats a fresh log directory and starts a broker on it; returns once it answers an admin client. */
    public static KafkaBroker start() {
        try {
            var directory = Files.createTempDirectory("annals-kafka-broker");
            int[] ports = freePorts(3);
            var broker = new KafkaBroker(directory, ports[0], ports[1], ports[2]);
            broker.writeProperties();
            broker.format();
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * {@code 127.0.0.1:PORT} of a second listener that asks for SASL/PLAIN ({@code security.protocol=
     * SASL_PLAINTEXT}), knowing only {@link #SASL_USER}: where clients' credentials are tried.
     */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    /** The broker's process while it runs (for measuring it, as {@code annals bench relay} does its CPU). */
    public ProcessHandle process() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.toHandle();
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * The last {@code lines} lines of the broker's log with WARN or ERROR, for a failed test's message: the
     * output of a CI run keeps only its tail, and the broker's directory is gone with the checkout.
     */
    public String logTail(int lines) {
        try (var all = Files.lines(directory.resolve("broker.log"))) {
            var problems = all.filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            return String.join("\n", problems.subList(Math.max(0, problems.size() - lines), problems.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(the broker's log could not be read: " + e.getMessage() + ")";
        }
    }

    /** Ends the broker with SIGKILL, keeping its data. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the broker again on the same ports and data, after {@link #kill()}. */
    public void restart() {
        kill();
        launch();
    }

    private void writeProperties() throws IOException {
        var properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                        + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\""
                        + SASL_PASSWORD + "\";",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1000000",
                "");
        Files.writeString(directory.resolve("server.properties"), properties);
    }

    private void format() {
        var command = java(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                directory.resolve("server.properties").toString());
        try {
            var formatting = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("format.log").toFile())
                    .start();
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException(
                        "formatting the broker's storage failed: " + Files.readString(directory.resolve("format.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the broker's storage", e);
        }
    }

    private void launch() {
        var command = java("kafka.Kafka", directory.resolve("server.properties").toString());
        command.add(1, "-Xmx384m");
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var admin = admin()) {
            await("the broker at " + bootstrapServers() + " to answer (see " + directory.resolve("broker.log") + ")")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the broker exited with " + process.exitValue());
                        }
                        return !admin.describeCluster()
                                .nodes()
                                .get(2, TimeUnit.SECONDS)
                                .isEmpty();
                    });
        }
    }

    private static List<String> java(String mainClass, String... arguments) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * {@code count} distinct free loopback ports. Their sockets are held open together until all are chosen:
     * one socket at a time, closed before the next was opened, the system could hand the same port out twice,
     * and a broker given one port for two listeners does not start.
     */
    private static int[] freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>(count);
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}

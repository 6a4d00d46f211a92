package dev.annals.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * {@code annals serve} in a JVM of its own, from the shipped {@code annals.jar}, on a free loopback port:
 * the server under load then shares the machine's cores with the load generator, but not its heap, its
 * garbage collector or its threads. Stopped (as Ctrl-C stops it) when closed.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final Pattern LISTENING = Pattern.compile("Listening on (\\S+) ");

    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts {@code java [javaOptions] -jar jar --data data serve --port 0} with this JVM's {@code java}, and
     * returns once it listens.
     *
     * @throws IllegalArgumentException when {@code jar} is not a file
     * @throws IllegalStateException    when the server does not start within a minute
     */
    public static ServerProcess start(Path jar, Path data, List<String> javaOptions) throws InterruptedException {
        requireNonNull(jar, "jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no annals.jar at " + jar.toAbsolutePath()
                    + " (build it with: mvn -pl annals-cli -am package -DskipTests)");
        }
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "--data", data.toString(), "serve", "--port", "0"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
        var listening = new CompletableFuture<URI>();
        // Drained for the server's whole life, or a full pipe would stop it.
        Thread.ofVirtual().name("server-process-output").start(() -> drain(process, listening));
        try {
            var uri = listening.get(1, TimeUnit.MINUTES);
            LOG.info("server load: annals serve (pid {}) listening on {}", process.pid(), uri);
            return new ServerProcess(process, uri);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("annals serve did not start: " + e.getMessage(), e);
        }
    }

    private static void drain(Process process, CompletableFuture<URI> listening) {
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                var matcher = LISTENING.matcher(line);
                if (!listening.isDone()) {
                    output.append(line).append('\n');
                    if (matcher.find()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                } else if (line.contains("WARN") || line.contains("ERROR")) {
                    LOG.warn("annals serve: {}", line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        listening.completeExceptionally(new IllegalStateException("it exited first, saying: " + output));
    }

    /** Where it listens, such as {@code http://127.0.0.1:40123/}. */
    public URI uri() {
        return uri;
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package dev.annals.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code annals serve} in a JVM of its own, from the shipped {@code annals.jar}, on a free loopback port over
 * a data directory: the server as users run it, with its own heap, JIT and threads, so that the load
 * generator's work is not counted against it. Stopped (SIGTERM, as Ctrl-C) when closed, or when this JVM
 * exits.
 */
public final class ServedStore implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+/)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI uri;
    private final Path log;
    private final Thread hook;
    private final Path data;

    private ServedStore(Process process, URI uri, Path log, Thread hook, Path data) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.hook = hook;
        this.data = data;
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar --data data serve --port 0} and waits until it prints its URL.
     *
     * @throws IllegalStateException when it exits or prints no URL within two minutes, quoting its output
     */
    public static ServedStore start(Path jar, Path data, List<String> jvmOptions) throws InterruptedException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--data", data.toString(), "serve", "--port", "0"));
        Path log;
        Process process;
        try {
            log = Files.createTempFile("annals-bench-http-server", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        Thread hook = new Thread(process::destroy, "annals-bench-http-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        var listening = new CompletableFuture<URI>();
        Thread.ofPlatform().daemon().name("annals-bench-http-server-output").start(() -> copy(process, log, listening));
        try {
            URI uri = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ServedStore(process, uri, log, hook, data);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "annals serve did not start within " + START_TIMEOUT.toSeconds() + " s: " + tail(log), e);
        }
    }

    /** Copies the server's output to {@code log}, completing {@code listening} at its URL. */
    private static void copy(Process process, Path log, CompletableFuture<URI> listening) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                var matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    out.flush();
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            // The process ended: whatever it printed is in the log.
        }
        listening.completeExceptionally(new IllegalStateException("annals serve exited"));
    }

    /** The server's base URI, such as {@code http://127.0.0.1:40113/}. */
    public URI uri() {
        return uri;
    }

    /** The server process's CPU time so far (user and system), where the system tells it. */
    public Optional<Duration> cpu() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** What the report says was loaded. */
    public String description() {
        return "server: annals serve, a JVM of its own (pid " + process.pid() + "), over SQLite in " + data;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway and finds the process gone.
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A log in the temporary directory: left behind, it harms nothing.
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }
}

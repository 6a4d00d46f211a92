package dev.annals.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class of the test class path run as a JVM of its own, so that a test can end it with SIGKILL, with its
 * output in a file the test reads: what the tests' relay and projection workers run in.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Runs {@code mainClass} with {@code arguments}, its output in a new file under {@code directory}. */
    public static ChildJvm start(Path directory, Class<?> mainClass, String... arguments) {
        try {
            Files.createDirectories(directory);
            var output = Files.createTempFile(directory, mainClass.getSimpleName() + "-", ".log");
            var command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m",
                    // Starts in about half the time on a busy machine; the children need no peak speed.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    mainClass.getName()));
            command.addAll(List.of(arguments));
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new ChildJvm(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What it printed after {@code prefix} on each line that starts with it, in order. */
    public List<String> printed(String prefix) {
        try {
            return Files.readAllLines(output).stream()
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends it with SIGKILL and waits for it to be gone. */
    public void kill() {
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
}

package dev.annals.drill.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java process of the drill's own, on this JVM's class path, that the drill kills with SIGKILL: no
 * shutdown hook, no flush, no close, as a crash or the kernel's OOM killer would. Its standard output goes
 * line by line to a consumer; its standard error to a file, quoted when it dies on its own.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path errors;
    private final Thread reader;

    private ChildJvm(Process process, Path errors, Consumer<String> lines) {
        this.process = process;
        this.errors = errors;
        this.reader = Thread.ofPlatform()
                .daemon()
                .name("drill-child-" + process.pid())
                .start(() -> {
                    try (var in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.accept(line);
                        }
                    } catch (IOException ended) {
                        // The process was killed: its output ends here.
                    }
                });
    }

    /** Starts {@code mainClass} with {@code arguments}; every line it prints goes to {@code lines}. */
    public static ChildJvm start(Class<?> mainClass, List<String> arguments, Consumer<String> lines)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx192m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(arguments);
        var errors = Files.createTempFile("annals-drill-child", ".err");
        var process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new ChildJvm(process, errors, lines);
    }

    /**
     * Called first by a child's {@code main}: the child halts as soon as the drill that started it is gone, so
     * that an operator's Ctrl-C or a SIGKILL of {@code annals drill} leaves no writer appending on its own. The
     * drill holds the write end of the child's standard input and writes to it only what {@link #tell} sends;
     * the kernel closes it when the drill dies, whichever way, and the child reads the end of it here at once
     * (no polling).
     */
    public static void exitWithParent() {
        exitWithParent(line -> {});
    }

    /** As {@link #exitWithParent()}, handing each line the drill {@link #tell tells} the child to {@code told}. */
    public static void exitWithParent(Consumer<String> told) {
        Thread.ofPlatform().daemon().name("drill-parent-watch").start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    told.accept(line);
                }
            } catch (IOException closed) {
                // The pipe broke: the drill is gone all the same.
            }
            Runtime.getRuntime().halt(3);
        });
    }

    /** Sends {@code line} to the child's standard input, where {@link #exitWithParent(Consumer)} reads it. */
    public void tell(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** True while it runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** What it printed on standard error, its last 2,000 characters. */
    public String errors() {
        try {
            var text = Files.readString(errors);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills it with SIGKILL and waits until it is gone and its output is read to the end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 30 s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public void close() throws Exception {
        try {
            kill();
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}

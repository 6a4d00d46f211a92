package dev.annals.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one command of a guide with {@code bash -c} in a directory, with extra environment variables. */
public final class GuideShell {

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {}

    private GuideShell() {}

    public static Result run(String command, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder("bash", "-c", command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

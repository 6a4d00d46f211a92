package dev.annals.bench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code ./annals bench} in a child process, after Maven packaged {@code annals-bench.jar} (so the
 * launcher finds it up to date and does not build): the launcher hands {@code bench} to the benchmarks' jar,
 * global options before the word included.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BenchLauncherIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private record Outcome(int exitCode, String out, String err) {}

    @TempDir
    Path temp;

    @Test
    void the_launcher_starts_the_benchmarks_jar_for_bench() throws Exception {
        var help = annals("bench", "append", "--help");
        var run = annals(
                "--data",
                temp.resolve("data").toString(),
                "bench",
                "append",
                "--writers",
                "2",
                "--events",
                "20",
                "--json");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: annals bench append").contains("--writers=N");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"target\":\"SQLite store\"").contains("\"eventsStored\":20");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void the_benchmarks_jar_is_runnable_and_carries_jmh() throws Exception {
        try (var bench = new JarFile(
                REPOSITORY.resolve("annals-bench/target/annals-bench.jar").toFile())) {
            assertThat(bench.getEntry("dev/annals/bench/cli/BenchCommand.class"))
                    .isNotNull();
            assertThat(bench.getEntry("org/openjdk/jmh/Main.class")).isNotNull();
            assertThat(bench.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.annals.bench.cli.BenchCommand");
        }
    }

    private Outcome annals(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(REPOSITORY.resolve("annals").toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        // Generous: a stale jar makes the launcher build first.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./annals " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Outcome(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

package dev.annals.cli;

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
 * The real {@code ./annals} launcher in a child process, after Maven packaged the jar (so the launcher
 * finds it up to date and does not build): what a user types, stdout and stderr as a user sees them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnalsLauncherIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private record Outcome(int exitCode, String out, String err) {}

    @TempDir
    Path temp;

    @Test
    void appends_reads_back_and_reports_a_conflict_on_exactly_one_line() throws Exception {
        Path data = temp.resolve("data");

        var appended = annals("--data", data.toString(), "append", "account-1", "Deposited", "{\"amount\":5}");
        var read = annals("--data", data.toString(), "read", "account-1");
        var conflict = annals(
                "--data",
                data.toString(),
                "append",
                "account-1",
                "Deposited",
                "{\"amount\":6}",
                "--expected-version",
                "no-stream");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(appended.out()).startsWith("{\"stream\":\"account-1\",\"version\":0,\"position\":1,\"eventId\":");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("\"type\":\"Deposited\"", "\"data\":{\"amount\":5}");
        assertThat(read.err()).isEmpty();
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.out()).isEmpty();
        assertThat(conflict.err())
                .isEqualTo("annals: wrong expected version for stream 'account-1': expected no stream, actual 0\n");
    }

    @Test
    void the_shipped_jar_carries_no_benchmark_nor_axon_xstream_or_jmh() throws Exception {
        try (var jar =
                new JarFile(REPOSITORY.resolve("annals-cli/target/annals.jar").toFile())) {
            var names = jar.stream().map(entry -> entry.getName()).toList();

            assertThat(names).contains("dev/annals/cli/AnnalsCommand.class");
            assertThat(names)
                    .noneMatch(name -> name.startsWith("org/axonframework/")
                            || name.startsWith("com/thoughtworks/xstream/")
                            || name.startsWith("org/openjdk/jmh/")
                            || name.startsWith("dev/annals/bench/"));
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

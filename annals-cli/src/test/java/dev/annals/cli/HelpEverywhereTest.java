package dev.annals.cli;

import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command and subcommand in picocli's tree answers {@code -h} and {@code --help} with its usage. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HelpEverywhereTest {

    @TempDir
    Path data;

    @TestFactory
    Stream<DynamicTest> every_command_answers_help_with_its_usage_on_stdout_and_exit_0() {
        var root = AnnalsCommand.commandLine(new AnnalsCommand());
        var paths = new ArrayList<List<String>>();
        walk(root, List.of(), paths);
        assertThat(paths).hasSizeGreaterThan(30);
        return paths.stream().flatMap(path -> Stream.of("-h", "--help")
                .map(flag -> DynamicTest.dynamicTest(String.join(" ", path) + " " + flag, () -> {
                    var args = new ArrayList<>(path);
                    args.add(flag);
                    var run = Cli.on(new InMemoryEventStore(), data).runWithoutData(args.toArray(String[]::new));
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.out()).startsWith("Usage: annals " + String.join(" ", path));
                    assertThat(run.err()).isEmpty();
                })));
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            // Aliases map to the same command; walk each command under its own name only.
            if (sub.getCommandName().equals(name) && !name.equals("help")) {
                var subPath = new ArrayList<>(path);
                subPath.add(name);
                walk(sub, subPath, paths);
            }
        });
    }
}

package dev.annals.cli.serve;

import dev.annals.cli.Cli;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code ./annals --store http://...} example of a guide, run in this JVM against a test's server instead
 * of the documented address. bash splits its words (quotes, {@code $TOKEN}) as it would for the real launcher.
 * It must exit 0, or 1 when its comment says {@code # exit 1}, with one line on stderr.
 */
final class GuideAnnals {

    private static final Pattern EXITS_1 = Pattern.compile("#\\s*exit\\s+1\\b");

    private GuideAnnals() {}

    /** True for a command of the form {@code ./annals --store http...}. */
    static boolean isRemoteCommand(ShellExamples.Example example) {
        return example.command().startsWith("./annals --store http");
    }

    /**
     * Runs {@code example} with {@code documented} (a base URL without its last slash) replaced by
     * {@code server}, in {@code directory} with {@code environment}; what is wrong with the outcome, if anything.
     */
    static Optional<String> run(
            ShellExamples.Example example,
            String documented,
            URI server,
            Path directory,
            Map<String, String> environment)
            throws IOException, InterruptedException {
        String rewritten = example.command()
                .replace(documented + "/", server.toString())
                .replace(documented, server.toString().replaceFirst("/$", ""));
        var words = GuideShell.run("printf '%s\\0'" + rewritten.substring("./annals".length()), directory, environment);
        if (words.exitCode() != 0) {
            return Optional.of(example + "\n  bash could not split it: " + words.output());
        }
        String[] args = Arrays.stream(words.output().split("\0"))
                .filter(word -> !word.isEmpty())
                .toArray(String[]::new);
        var run = Cli.onSqlite(directory.resolve("cli")).runWithoutData(args);
        int expected = EXITS_1.matcher(example.command()).find() ? 1 : 0;
        if (run.exitCode() != expected || expected == 1 && run.errLines().size() != 1) {
            return Optional.of(example + "\n  exited " + run.exitCode() + " (documented: " + expected + ")\n"
                    + run.out() + run.err());
        }
        return Optional.empty();
    }
}

package dev.annals.bench.cli;

import dev.annals.backend.Backends;
import dev.annals.store.memory.InMemoryEventStore;
import dev.annals.testkit.backend.FixedBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code annals bench} in this JVM with captured output, on a data directory of the test's choosing. */
final class BenchCli {

    private final Backends backends;
    private final Path data;

    private BenchCli(Backends backends, Path data) {
        this.backends = backends;
        this.data = data;
    }

    /** The benchmarks on the installed backends (the real SQLite store in {@code data}). */
    static BenchCli onSqlite(Path data) {
        return new BenchCli(Backends.installed(), data);
    }

    /** The benchmarks on {@code store}, whatever {@code --data} or {@code --store} say. */
    static BenchCli on(InMemoryEventStore store, Path data) {
        return new BenchCli(FixedBackend.only("in-memory", store), data);
    }

    /** Runs {@code annals bench --data DATA ARGS...}. */
    Run run(String... args) {
        var all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return runWithoutData(all.toArray(String[]::new));
    }

    /** Runs {@code annals bench ARGS...}, without adding {@code --data}. */
    Run runWithoutData(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = BenchCommand.commandLine(new BenchCommand(backends));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }
}

package dev.annals.cli;

import dev.annals.backend.Backends;
import dev.annals.store.EventStore;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the annals command in this JVM with captured output, on a data directory of the test's choosing. */
public final class Cli {

    private final Backends opener;
    private final Path data;

    private Cli(Backends opener, Path data) {
        this.opener = opener;
        this.data = data;
    }

    /** The command on the real SQLite store in {@code data}. */
    public static Cli onSqlite(Path data) {
        return new Cli(Backends.installed(), data);
    }

    /**
     * The command on {@code store}, whatever {@code --data} says: each run "opens" the same in-memory
     * store, so later runs see what earlier ones appended.
     */
    public static Cli on(InMemoryEventStore store, Path data) {
        return new Cli(TestBackends.inMemory(store), data);
    }

    /** Runs {@code annals --data DATA ARGS...}. */
    public Run run(String... args) {
        var all = new ArrayList<String>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return runWithoutData(all.toArray(String[]::new));
    }

    /** Runs {@code annals ARGS...}, without adding {@code --data}. */
    public Run runWithoutData(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = AnnalsCommand.commandLine(new AnnalsCommand(opener));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    public Path data() {
        return data;
    }

    /** Opens the store the command works on, to look at it directly. */
    public EventStore openStore() {
        return opener.open(data.toString(), dev.annals.backend.OpenOptions.defaults())
                .store();
    }

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {

        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }
    }
}

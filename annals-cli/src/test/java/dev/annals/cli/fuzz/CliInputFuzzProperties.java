package dev.annals.cli.fuzz;

import dev.annals.cli.Cli;
import dev.annals.store.memory.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated input to the {@code annals} command, in this JVM: NDJSON files for {@code append --file} and
 * {@code import}, and command lines with odd stream names, numbers and store locations. Whatever it is
 * given, the command exits 0, or exits 1 (2 for a wrong command line) with exactly one line on stderr
 * that starts with {@code annals: } and holds no stack trace or Java class name, having written nothing.
 */
class CliInputFuzzProperties {

    private Path data;

    @BeforeTry
    void newDirectory() throws IOException {
        data = Files.createTempDirectory("annals-cli-fuzz");
    }

    @AfterTry
    void removeDirectory() throws IOException {
        try (var paths = Files.walk(data)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Provide
    net.jqwik.api.Arbitrary<Tuple.Tuple2<String, byte[]>> appendFiles() {
        return NdjsonFiles.appendFiles();
    }

    @Provide
    net.jqwik.api.Arbitrary<Tuple.Tuple2<String, byte[]>> exportFiles() {
        return NdjsonFiles.exportFiles();
    }

    @Provide
    net.jqwik.api.Arbitrary<CliArguments> commandLines() {
        return CliArguments.commandLines();
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.FIRST)
    void an_append_file_is_appended_whole_or_refused_in_one_line(
            @ForAll("appendFiles") Tuple.Tuple2<String, byte[]> file) throws IOException {
        var store = new InMemoryEventStore();
        Path path = Files.write(data.resolve("events.ndjson"), file.get2());

        var run = Cli.on(store, data).run("append", "fuzz-1", "--file", path.toString());

        long lines = new String(file.get2(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .lines()
                .filter(line -> !line.isBlank())
                .count();
        if (run.exitCode() == 0) {
            assertThat(store.readStream("fuzz-1").count()).as(file.get1()).isEqualTo(lines);
        } else {
            assertRefusedInOneLine(run, file.get1() + " " + path, 1);
            assertThat(store.headPosition())
                    .as("events written by a refused " + file.get1())
                    .isZero();
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    void an_import_file_is_imported_whole_or_refused_in_one_line(
            @ForAll("exportFiles") Tuple.Tuple2<String, byte[]> file) throws IOException {
        Path path = data.resolve("export.ndjson.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(file.get2());
        }
        Path target = data.resolve("store");
        Cli cli = Cli.onSqlite(target);

        var run = cli.run("import", path.toString());

        if (run.exitCode() != 0) {
            assertRefusedInOneLine(run, file.get1() + " " + path, 1);
            try (var deployment = dev.annals.backend.Backends.installed()
                    .open(target.toString(), dev.annals.backend.OpenOptions.defaults())) {
                assertThat(deployment.store().headPosition())
                        .as("events left by a refused " + file.get1())
                        .isZero();
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.FIRST)
    void a_command_line_is_run_or_refused_in_one_line(@ForAll("commandLines") CliArguments arguments) {
        var store = new InMemoryEventStore();
        store.append("fuzz-seed", dev.annals.store.ExpectedVersion.any(), List.of(counted()));
        long head = store.headPosition();

        var run = Cli.on(store, data).run(arguments.words().toArray(String[]::new));

        String what = "annals " + arguments.words();
        if (arguments.notNumber()) {
            assertThat(run.exitCode())
                    .as("exit code of " + what + ": " + run.err())
                    .isEqualTo(2);
        }
        if (run.exitCode() != 0) {
            assertRefusedInOneLine(run, what, run.exitCode());
            assertThat(store.headPosition()).as("events written by " + what).isEqualTo(head);
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    void a_bad_store_location_is_refused_in_one_line(@ForAll("locations") String location) {
        var run = Cli.onSqlite(data).runWithoutData("--store", location, "read", "$all");

        assertThat(run.exitCode())
                .as("exit code for --store '" + location + "': " + run.err())
                .isIn(1, 2);
        assertRefusedInOneLine(run, "--store '" + location + "'", run.exitCode());
    }

    @Provide
    net.jqwik.api.Arbitrary<String> locations() {
        // Only loopback, and only paths under this try's directory: a location may create a store.
        return net.jqwik.api.Arbitraries.of(
                "",
                " ",
                "http://",
                "https://",
                "http://127.0.0.1:1",
                "http://127.0.0.1:1/x?y=%zz",
                "http://[::1",
                "http://127.0.0.1:99999",
                "http://user:pw@127.0.0.1:1",
                "ftp://127.0.0.1/x",
                "sqlite:",
                "postgresql://",
                "postgresql://127.0.0.1:5432/test?schema=",
                "mem:",
                "\u0000",
                "http://127.0.0.1:1\u0000",
                "jdbc:sqlite:x",
                "sqlite:" + data + "/%zz\u0000",
                data + "/events.ndjson/x");
    }

    private static dev.annals.event.EventData counted() {
        return dev.annals.event.EventData.of("Counted", "{\"amount\":1}");
    }

    private static final List<String> INTERNALS =
            List.of("\tat ", "Exception", "java.", "com.fasterxml", "org.sqlite", "SQLITE_", "jdbc:", "/tmp/");

    private static void assertRefusedInOneLine(Cli.Run run, String what, int exitCode) {
        assertThat(run.exitCode())
                .as("exit code for " + what + ": " + run.err())
                .isIn(1, 2)
                .isEqualTo(exitCode);
        List<String> lines =
                run.errLines().stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("stderr for " + what).hasSize(1);
        assertThat(lines.getFirst()).as("the refusal of " + what).startsWith("annals: ");
        // What the input held may be quoted back; anything else internal must not show.
        for (String internal : INTERNALS) {
            if (!what.contains(internal)) {
                assertThat(lines.getFirst()).as("the refusal of " + what).doesNotContain(internal);
            }
        }
    }
}

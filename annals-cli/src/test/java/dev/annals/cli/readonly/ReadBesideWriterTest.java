package dev.annals.cli.readonly;

import dev.annals.cli.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read commands on the embedded store while another process (a child JVM, as a running server would be)
 * holds it open for writing and its directory lock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadBesideWriterTest {

    @TempDir
    Path data;

    private Process writer;
    private BufferedReader writerOut;
    private PrintWriter writerIn;

    @BeforeEach
    void start_a_writer_in_another_process() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        writer = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WriterProcess.class.getName(),
                        data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        writerOut = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        writerIn = new PrintWriter(writer.getOutputStream(), true, StandardCharsets.UTF_8);
        awaitLine("READY");
    }

    /** Reads the writer's output up to {@code expected}; log lines may come before it. */
    private void awaitLine(String expected) throws IOException {
        var seen = new StringBuilder();
        for (String line = writerOut.readLine(); line != null; line = writerOut.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the writer process ended without printing " + expected + ":\n" + seen);
    }

    @AfterEach
    void stop_the_writer() throws InterruptedException {
        writerIn.close();
        if (!writer.waitFor(30, TimeUnit.SECONDS)) {
            writer.destroyForcibly();
        }
    }

    @Test
    void the_writer_really_holds_the_store() {
        var append = Cli.onSqlite(data).run("append", "account-9", "Opened", "{}");

        assertThat(append.exitCode()).isEqualTo(1);
        assertThat(append.err()).contains("already open");
    }

    @Test
    void read_streams_state_export_and_verify_work_beside_the_writer() {
        var cli = Cli.onSqlite(data);

        var read = cli.run("read", "account-1");
        var streams = cli.run("streams");
        var state = cli.run("state", "account-1");
        var export =
                cli.run("export", "--output", data.resolve("export.ndjson.gz").toString());
        var verify = cli.run("verify");

        for (var run : new Cli.Run[] {read, streams, state, export, verify}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(read.outLines()).hasSize(2);
        assertThat(streams.out()).contains("\"stream\":\"account-1\"");
        assertThat(state.out()).contains("\"balance\":500");
        assertThat(export.err()).contains("export: 2 event(s)");
        assertThat(Files.exists(data.resolve("export.ndjson.gz"))).isTrue();
        assertThat(verify.out()).contains("verify: intact");
    }

    @Test
    void a_reader_sees_what_the_writer_commits_after_it() throws IOException {
        var cli = Cli.onSqlite(data);
        assertThat(cli.run("read", "account-1").outLines()).hasSize(2);

        writerIn.println("deposit 250");
        awaitLine("OK");

        assertThat(cli.run("read", "account-1").outLines()).hasSize(3);
        assertThat(cli.run("state", "account-1").out()).contains("\"balance\":750");
    }
}

package dev.annals.cli.transfer;

import dev.annals.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals export} never writes gzip to a terminal: it asks for --output or a redirection instead. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportToTerminalTest {

    @TempDir
    Path data;

    @AfterEach
    void restore_the_terminal_check() {
        ExportCommand.stdoutIsTerminal = Terminal::stdoutIsTerminal;
    }

    @Test
    void refuses_to_write_to_a_terminal_without_an_output_file() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Opened", "{}");
        ExportCommand.stdoutIsTerminal = () -> true;

        var run = cli.run("export");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: export writes gzip-compressed data, which a terminal"
                        + " cannot show: give --output FILE, or redirect stdout (annals export > backup.ndjson.gz)"
                        + " (see 'annals export --help')");
    }

    @Test
    void writes_to_a_file_when_given_one_even_from_a_terminal() {
        var cli = Cli.onSqlite(data);
        cli.run("append", "account-1", "Opened", "{}");
        ExportCommand.stdoutIsTerminal = () -> true;

        var run = cli.run("export", "--output", data.resolve("out.ndjson.gz").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(data.resolve("out.ndjson.gz")).exists();
    }
}

package dev.annals.cli;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureReporterTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--wait")
        Duration wait;

        @Override
        public void run() {
        }
    }

    @Test
    void a_root_cause_without_a_message_adds_no_class_name() {
        var failure = new IllegalStateException("no answer from the server: the connection was refused",
                new java.io.IOException("connect failed", new java.nio.channels.ClosedChannelException()));

        assertThat(FailureReporter.describe(failure))
                .isEqualTo("no answer from the server: the connection was refused");
    }

    @Test
    void a_value_a_built_in_converter_refuses_is_named_without_the_converter_s_exception_class() {
        var err = new StringWriter();
        var reporter = new FailureReporter(() -> false);
        var commandLine = new CommandLine(new Probe()).setParameterExceptionHandler(reporter)
                .setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("--wait", "soon");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("annals: Invalid value for option '--wait': ")
                .contains("'soon' is not a valid Duration")
                .doesNotContain("java.", "Exception")
                .endsWith("(see 'probe --help')\n");
    }
}

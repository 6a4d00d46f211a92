package dev.annals.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureReporterTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--wait")
        Duration wait;

        @Override
        public void run() {}
    }

    @Test
    void a_root_cause_without_a_message_adds_no_class_name() {
        var failure = new IllegalStateException(
                "no answer from the server: the connection was refused",
                new java.io.IOException("connect failed", new java.nio.channels.ClosedChannelException()));

        assertThat(FailureReporter.describe(failure))
                .isEqualTo("no answer from the server: the connection was refused");
    }

    @Test
    void a_value_a_built_in_converter_refuses_is_named_without_the_converter_s_exception_class() {
        var err = new StringWriter();
        var reporter = new FailureReporter(() -> false);
        var commandLine = new CommandLine(new Probe())
                .setParameterExceptionHandler(reporter)
                .setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("--wait", "soon");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .startsWith("annals: Invalid value for option '--wait': ")
                .contains("'soon' is not a valid Duration")
                .doesNotContain("java.", "Exception")
                .endsWith("(see 'probe --help')\n");
    }

    @Test
    void a_store_failure_is_told_in_the_store_s_words_without_the_driver_s_sql_or_paths() {
        var driver = new java.sql.SQLException(
                "[SQLITE_FULL] database or disk is full (INSERT INTO events ...)" + " /var/lib/annals/annals.db");
        var failure = new dev.annals.store.EventStoreException("the disk holding the store is full", driver);

        assertThat(FailureReporter.describe(failure)).isEqualTo("the disk holding the store is full");
    }

    @Test
    void a_driver_error_behind_another_failure_is_left_to_verbose_output() {
        var failure = new IllegalStateException(
                "could not open the read model",
                new java.sql.SQLException("ERROR: relation \"annals.balances\" does not exist"));

        assertThat(FailureReporter.describe(failure)).isEqualTo("could not open the read model");
    }

    @Test
    void a_cause_a_person_can_act_on_is_added() {
        var failure = new IllegalStateException(
                "could not read the transform",
                new java.io.FileNotFoundException("transform.jar (No such file or directory)"));

        assertThat(FailureReporter.describe(failure))
                .isEqualTo("could not read the transform: transform.jar (No such file or directory)");
    }
}

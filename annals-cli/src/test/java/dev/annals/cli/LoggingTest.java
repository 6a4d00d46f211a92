package dev.annals.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stack traces only with {@code --verbose}, as README.md says; one line per logged failure without it. Runs with the
 * command's own logback.xml (the test class path also holds other modules' logback-test.xml).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoggingTest {

    @BeforeAll
    static void theCommandsLogging() throws JoranException {
        var configurator = new JoranConfigurator();
        configurator.setContext(context());
        context().reset();
        configurator.doConfigure(Logging.class.getResource("/logback.xml"));
    }

    @AfterAll
    static void theTestsLogging() throws JoranException {
        context().reset();
        new ContextInitializer(context()).autoConfig();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Logging.configure(false);
        System.setErr(originalErr);
    }

    @Test
    void without_verbose_a_failure_and_its_causes_are_told_on_its_one_line_without_stack_frames() {
        Logging.configure(false);

        LoggerFactory.getLogger("com.zaxxer.hikari.pool.ProxyConnection")
                .warn("connection marked as broken because of SQLSTATE(57P01)", driverFailure());
        LoggerFactory.getLogger("dev.annals.store.jdbc.append.PendingAppend")
                .error(
                        "append to stream 'account-7' failed, nothing acknowledged",
                        new IllegalStateException("the group failed", new java.io.EOFException()));
        LoggerFactory.getLogger("dev.annals.store").warn("a line without an exception");
        LoggerFactory.getLogger("dev.annals.store").debug("not shown without --verbose");

        assertThat(stderr().lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .contains("WARN")
                                .endsWith("because of SQLSTATE(57P01) [java.sql.SQLException: FATAL: terminating"
                                        + " connection due to administrator command]"),
                        line -> assertThat(line)
                                .contains("ERROR")
                                .endsWith("nothing acknowledged [java.lang.IllegalStateException: the group failed;"
                                        + " caused by java.io.EOFException]"),
                        line -> assertThat(line).endsWith("- a line without an exception"));
        assertThat(stderr()).doesNotContain("\tat ");
    }

    @Test
    void a_multi_line_message_of_a_cause_stays_on_the_one_line() {
        Logging.configure(false);

        LoggerFactory.getLogger("dev.annals.store")
                .warn("checkpoint failed", new SQLException("first line\nsecond line"));

        assertThat(stderr().lines())
                .singleElement()
                .asString()
                .endsWith("[java.sql.SQLException: first line second line]");
    }

    @Test
    void with_verbose_the_stack_trace_and_debug_lines_are_shown() {
        Logging.configure(true);

        LoggerFactory.getLogger("dev.annals.store.jdbc.append.PendingAppend")
                .error("append to stream 'account-7' failed, nothing acknowledged", driverFailure());
        LoggerFactory.getLogger("dev.annals.store").debug("shown with --verbose");

        assertThat(stderr())
                .contains("append to stream 'account-7' failed, nothing acknowledged")
                .contains("failed, nothing acknowledged [java.sql.SQLException: FATAL: terminating connection due"
                        + " to administrator command]\njava.sql.SQLException: FATAL: terminating connection due to"
                        + " administrator command\n")
                .contains("\tat dev.annals.cli.LoggingTest.driverFailure")
                .contains("shown with --verbose");
    }

    @Test
    void a_quiet_run_after_a_verbose_one_in_the_same_process_hides_stack_traces_again() {
        Logging.configure(true);
        Logging.configure(false);

        LoggerFactory.getLogger("dev.annals.store")
                .warn("the storage of the store can be written again", driverFailure());

        assertThat(stderr().lines())
                .singleElement()
                .asString()
                .endsWith("can be written again [java.sql.SQLException: FATAL: terminating connection due to"
                        + " administrator command]");
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static SQLException driverFailure() {
        return new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    }
}

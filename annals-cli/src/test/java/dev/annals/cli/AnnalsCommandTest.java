package dev.annals.cli;

import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnalsCommandTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @TempDir
    Path data;

    private Cli cli() {
        return Cli.on(store, data);
    }

    @Test
    void help_lists_the_commands_the_global_options_and_the_exit_codes() {
        var run = cli().runWithoutData("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: annals [-hV] [--verbose] [--data=DIR] [--store=URL] [--token=TOKEN]")
                .contains("append", "read", "streams", "demo", "bench")
                .contains("--data=DIR", "--verbose")
                .contains("Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"append", "read", "streams", "demo", "bench"})
    void each_command_has_help(String command) {
        var run = cli().runWithoutData(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: annals " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void the_benchmarks_are_not_in_the_cli_and_it_says_where_they_are() {
        var run = cli().runWithoutData("bench", "append", "--events", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the benchmarks are not in annals.jar: run ./annals bench ...");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_unknown_option_is_bad_usage_with_one_line() {
        var run = cli().run("read", "account-1", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("annals: Unknown option: '--colour' (see 'annals read --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_missing_command_is_bad_usage() {
        var run = cli().run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("annals: Missing required subcommand");
    }

    @Test
    void an_unknown_command_is_bad_usage() {
        var run = cli().run("rewrite");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("rewrite");
    }

    @Test
    void a_missing_parameter_is_bad_usage() {
        var run = cli().run("read");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: Missing required parameter: 'STREAM' (see 'annals read --help')");
    }

    @Test
    void the_global_options_may_follow_the_command() {
        var run =
                cli().runWithoutData("append", "account-1", "Deposited", "{}", "--data", data.toString(), "--verbose");

        assertThat(run.exitCode()).isZero();
        assertThat(LoggerFactory.getLogger("dev.annals.cli").isDebugEnabled()).isTrue();
    }

    @Test
    void verbose_turns_debug_logging_on_for_one_run_only() {
        cli().run("--verbose", "streams");
        assertThat(LoggerFactory.getLogger("dev.annals.store").isDebugEnabled()).isTrue();

        cli().run("streams");
        assertThat(LoggerFactory.getLogger("dev.annals.store").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("dev.annals.store").isWarnEnabled()).isTrue();
    }

    @Test
    void the_data_directory_defaults_to_annals_data() {
        assertThat(new AnnalsCommand().dataDirectory()).isEqualTo(Path.of("annals-data"));
    }

    @Test
    void describes_a_failure_with_its_root_cause_on_one_line() {
        var failure =
                new IllegalStateException("append failed", new RuntimeException("disk I/O error\n  (SQLITE_IOERR)"));

        assertThat(FailureReporter.describe(failure)).isEqualTo("append failed: disk I/O error (SQLITE_IOERR)");
    }
}

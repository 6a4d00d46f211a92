package dev.annals.cli;

import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented exit codes for what the command itself checks: 2 with a pointer to --help for a bad option
 * value, 1 with what was wrong for a request it cannot carry out.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UsageExitCodesTest {

    @TempDir
    Path data;

    @Test
    void an_unknown_role_is_bad_usage_naming_the_option_and_the_roles() {
        var run = Cli.onSqlite(data).run("tokens", "create", "--role", "god");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("annals: --role: unknown role 'god': expected reader, writer or"
                        + " admin (see 'annals tokens create --help')");
    }

    @Test
    void a_store_address_that_is_not_postgresql_is_bad_usage() {
        var run = Cli.onSqlite(data).runWithoutData("--store", "mysql://localhost/db", "streams");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("annals: --store: no backend for the store location 'mysql://localhost/db'");
    }

    @Test
    void a_data_directory_that_is_a_file_is_named_as_a_file() throws Exception {
        var file = Files.writeString(data.resolve("passwd"), "root:x:0:0\n");

        for (var args : new String[][] {
            {"read", "account-1"}, {"append", "account-1", "Opened", "{}"}, {"projections"}, {"streams"}
        }) {
            var run = Cli.onSqlite(file).run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.errLines())
                    .as(String.join(" ", args))
                    .containsExactly("annals: --data '" + file
                            + "' is a file, not a data directory (give a directory with --data DIR)");
        }
        assertThat(Files.readString(file)).isEqualTo("root:x:0:0\n");
    }

    @Test
    void a_data_directory_that_is_a_file_is_refused_on_any_store() throws Exception {
        var file = Files.writeString(data.resolve("passwd"), "x");

        var run = Cli.on(new InMemoryEventStore(), file).run("read", "account-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is a file, not a data directory");
    }
}

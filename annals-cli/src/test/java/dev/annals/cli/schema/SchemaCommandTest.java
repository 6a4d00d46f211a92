package dev.annals.cli.schema;

import dev.annals.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaCommandTest {

    @TempDir
    Path temp;

    private Cli cli() {
        return Cli.onSqlite(temp.resolve("data"));
    }

    private String schemas() {
        return temp.resolve("schemas").toString();
    }

    @Test
    void registers_every_type_as_a_file_and_then_checks_compatible() {
        var register = cli().run("schema", "register", "--schemas", schemas());

        assertThat(register.exitCode()).isZero();
        assertThat(register.outLines())
                .contains("registered Deposited v2")
                .last()
                .asString()
                .startsWith("schema register: 16 types, 16 new file(s)");
        assertThat(temp.resolve("schemas/Deposited/v2.json")).exists();

        var check = cli().run("schema", "check", "--schemas", schemas());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).startsWith("schema check: compatible: 16 types against 16 registered schema(s)");
    }

    @Test
    void registering_again_writes_nothing_new() {
        cli().run("schema", "register", "--schemas", schemas());

        var again = cli().run("schema", "register", "--schemas", schemas());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("16 types, 0 new file(s)");
    }

    @Test
    void check_fails_naming_type_version_and_change_when_the_code_no_longer_matches() throws Exception {
        cli().run("schema", "register", "--schemas", schemas());
        // As if the code had changed Deposited v2's amount from text to a number without a new version.
        Path deposited = temp.resolve("schemas/Deposited/v2.json");
        Files.writeString(deposited, Files.readString(deposited).replace("\"integer\"", "\"string\""));

        var check = cli().run("schema", "check", "--schemas", schemas());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errLines())
                .first()
                .asString()
                .isEqualTo("Deposited v2: field 'amount' changed type"
                        + " from string to integer without a new version and an upcaster");
        assertThat(check.errLines()).last().asString().startsWith("schema check: 1 incompatible change(s)");
    }

    @Test
    void register_refuses_to_register_over_an_incompatible_change() throws Exception {
        cli().run("schema", "register", "--schemas", schemas());
        Path withdrawn = temp.resolve("schemas/Withdrawn/v1.json");
        Files.writeString(withdrawn, Files.readString(withdrawn).replace("\"amount\"", "\"cents\""));

        var register = cli().run("schema", "register", "--schemas", schemas());

        assertThat(register.exitCode()).isEqualTo(1);
        assertThat(register.err())
                .contains("Withdrawn v1: field 'cents' was removed or renamed")
                .contains("nothing registered");
    }

    @Test
    void records_the_schemas_in_the_store_and_checks_against_them() {
        var register = cli().run("schema", "register", "--schemas", schemas(), "--in-store");
        assertThat(register.out()).contains("16 new in the store");

        var check = cli().run("schema", "check", "--in-store");

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("against 16 registered schema(s) in the store");
    }

    @Test
    void check_without_a_schema_directory_says_so_in_one_line() {
        var check =
                cli().run("schema", "check", "--schemas", temp.resolve("absent").toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errLines()).singleElement().asString().contains("no schema directory");
    }

    @Test
    void the_schemas_committed_with_the_repository_match_the_code() {
        // The CI gate, run by the build itself: the bank example's registered schemas, v1s included.
        var check = cli().run(
                        "schema", "check", "--schemas", Path.of("..", "schemas").toString());

        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("against 17 registered schema(s)");
    }
}

package dev.annals.cli.schema;

import dev.annals.cli.Cli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code annals schema register|check --classpath PATH --types ...}: a team gates its own event types. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaClasspathTest {

    private static final String LOANS = """
            package org.example.loans;

            import dev.annals.serialization.EventTypeRegistry;

            public final class Loans {
                public static final EventTypeRegistry<LoanEvent> EVENTS = EventTypeRegistry.builder(LoanEvent.class)
                        .register(LoanEvent.Lent.class, "Lent")
                        .register(LoanEvent.Returned.class, "Returned")
                        .build();
            }
            """;

    @TempDir
    Path temp;

    private Run annals(Path classes, String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of(
                "--classpath", classes.toString(), "--types", "org.example.loans.LoanEvent", "--schemas", schemas()));
        var run = Cli.onSqlite(temp.resolve("data")).run(all.toArray(String[]::new));
        return new Run(run.exitCode(), run.out(), run.err());
    }

    private String schemas() {
        return temp.resolve("schemas").toString();
    }

    private Path project(String version, String lent) throws Exception {
        return ProjectClasses.compile(
                temp.resolve(version),
                Map.of(
                        "org/example/loans/LoanEvent.java",
                        "package org.example.loans;\n"
                                + "public sealed interface LoanEvent {\n"
                                + "    record Lent(" + lent + ") implements LoanEvent {}\n"
                                + "    record Returned(String member) implements LoanEvent {}\n"
                                + "}\n",
                        "org/example/loans/Loans.java",
                        LOANS));
    }

    @Test
    void registers_and_checks_the_event_types_of_a_project_by_their_sealed_interface() throws Exception {
        Path classes = project("before", "String member, java.time.LocalDate due");

        var register = annals(classes, "schema", "register");
        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).contains("registered Lent v1", "registered Returned v1", "2 types, 2 new file(s)");
        assertThat(temp.resolve("schemas/Lent/v1.json")).exists();

        var check = annals(classes, "schema", "check");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).startsWith("schema check: compatible: 2 types against 2 registered schema(s)");
    }

    @Test
    void a_change_that_breaks_a_registered_schema_fails_the_check_naming_type_version_and_change() throws Exception {
        annals(project("before", "String member, java.time.LocalDate due"), "schema", "register");

        var check = annals(project("after", "String borrower, java.time.LocalDate due"), "schema", "check");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err())
                .contains("Lent v1: field 'member' was removed or renamed without a new version and an upcaster")
                .contains("Lent v1: new required field 'borrower' (stored events lack it)");
    }

    @Test
    void a_type_the_classes_do_not_declare_is_refused_by_name() throws Exception {
        Path classes = project("before", "String member");

        var run = Cli.onSqlite(temp.resolve("data"))
                .run("schema", "check", "--classpath", classes.toString(), "--types", "org.example.Nowhere");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("'org.example.Nowhere' is neither a class nor a package")
                .doesNotContain("Exception");
    }

    @Test
    void types_without_a_class_path_is_a_usage_error() {
        var run = Cli.onSqlite(temp.resolve("data")).run("schema", "check", "--types", "org.example.loans.LoanEvent");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--classpath and --types go together");
    }

    private record Run(int exitCode, String out, String err) {}
}

package dev.annals.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.annals.event.ForbiddenImportSample;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the dependencies between the modules split from the former core (ADR 0031), by their packages: the
 * API uses nothing of Annals, the runtime modules only what {@link ModuleMap} allows them, and the internal
 * packages that more than one module shares are used only by the modules their {@code module-info} exports
 * them to. On the class path (how tests and the CLI run) nothing else enforces that.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModuleBoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new BackendSeamTest.ProductionCode())
            .importPackages("dev.annals");

    @TestFactory
    Stream<DynamicTest> each_module_uses_only_the_modules_it_is_allowed() {
        return Stream.of(ModuleMap.values())
                .map(module -> DynamicTest.dynamicTest(
                        module.name().toLowerCase(), () -> dependencies(module).check(PRODUCTION)));
    }

    @Test
    void the_shared_internals_of_the_api_are_used_only_by_the_backends() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.annals.store",
                        "dev.annals.store.internal..",
                        "dev.annals.store.memory..",
                        "dev.annals.store.jdbc..",
                        "dev.annals.store.sqlite..",
                        "dev.annals.store.postgres..",
                        // export and import carry stream marks as lines; the benchmarks time the append checks
                        "dev.annals.cli.transfer..",
                        "dev.annals.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.annals.store.internal..")
                .because("module-info exports dev.annals.store.internal only to the backends")
                .check(PRODUCTION);
    }

    @Test
    void the_internals_of_erasure_are_used_only_by_serialization_and_the_jdbc_key_store() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.annals.erasure..", "dev.annals.serialization..", "dev.annals.store.jdbc.erasure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.annals.erasure.internal..")
                .because("module-info exports dev.annals.erasure.internal only to those")
                .check(PRODUCTION);
    }

    @Test
    void the_other_internals_stay_in_their_module() {
        for (var internal : new String[][] {
            {"dev.annals.subscription..", "dev.annals.subscription.internal.."},
            {"dev.annals.serialization..", "dev.annals.serialization.internal.."},
            {"dev.annals.projection..", "dev.annals.projection.internal.."},
            {"dev.annals.projection..", "dev.annals.projection.segment.internal.."},
            {"dev.annals.schema..", "dev.annals.schema.internal.."}
        }) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(internal[0])
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(internal[1])
                    .check(PRODUCTION);
        }
    }

    @Test
    void a_forbidden_import_fails_the_rule() {
        var sample = new ClassFileImporter().importClasses(ForbiddenImportSample.class);

        var result = dependencies(ModuleMap.API).evaluate(sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("dev.annals.decider.Decider"));
    }

    private static ArchRule dependencies(ModuleMap module) {
        return noClasses()
                .that()
                .resideInAnyPackage(module.packages())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(module.forbidden())
                .because("the modules' dependencies are pinned by ADR 0031 (see ModuleMap)");
    }
}

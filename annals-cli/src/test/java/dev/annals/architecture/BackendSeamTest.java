package dev.annals.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Pins the backend seam (ADR 0026): outside the backend modules, code opens stores only through
 * {@link dev.annals.backend.Backends}, so no class names a SQLite or PostgreSQL type, and a capability is
 * asked with {@code capability(...)} instead of testing {@code instanceof} a concrete store. The benchmarks
 * compare databases and peers on purpose and are exempt.
 */
@AnalyzeClasses(packages = "dev.annals", importOptions = BackendSeamTest.ProductionCode.class)
class BackendSeamTest {

    @ArchTest
    static final ArchRule only_the_backends_and_the_benchmarks_name_a_database = noClasses()
            .that()
            .resideOutsideOfPackages("dev.annals.store.sqlite..", "dev.annals.store.postgres..", "dev.annals.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.annals.store.sqlite..", "dev.annals.store.postgres..", "org.sqlite..", "org.postgresql..")
            .because("callers open stores through the backend seam (dev.annals.backend.Backends), never a"
                    + " database's own classes");

    /** The modules' main classes: neither this module's tests nor the test jars of the others. */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }
}

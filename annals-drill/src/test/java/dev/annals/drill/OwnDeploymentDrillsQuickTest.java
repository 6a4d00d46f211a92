package dev.annals.drill;

import dev.annals.backend.Backends;
import dev.annals.drill.drills.CutConnections;
import dev.annals.drill.drills.RestartDatabase;
import dev.annals.drill.report.DrillReport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drills that start a throwaway PostgreSQL of their own when given none, run instead on a deployment of the
 * user's (docs/reliability.md, "Against your own deployment"): a schema of its own on the test server. Both
 * failed at once there with a NullPointerException before the first fault, having no throwaway server to close
 * afterwards. restart-database's command here restarts nothing (the test server is shared with other tests), so
 * it checks the drill's own way around the fault, not a restart.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OwnDeploymentDrillsQuickTest {

    private final TestSchema schema = new TestSchema();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cut_connections_runs_through_its_proxy_to_the_given_database() {
        var report = DrillRunner.run(new CutConnections(), settings(), line -> {});

        assertPassed(report);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void restart_database_runs_the_given_command_on_the_given_database() {
        var report = DrillRunner.run(new RestartDatabase(), settings().restartingWith("true"), line -> {});

        assertPassed(report);
    }

    private DrillSettings settings() {
        String location = schema.location();
        return DrillSettings.of(location, Backends.installed(), 2).quickly();
    }

    private static void assertPassed(DrillReport report) {
        assertThat(report.outcome())
                .as(report.violations() + " " + report.reason())
                .isEqualTo("passed");
        assertThat(report.faults()).isEqualTo(2);
        assertThat(report.acknowledged()).isPositive();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.violationCount()).isZero();
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.drop();
    }
}

package dev.annals.drill;

import dev.annals.backend.Backends;
import dev.annals.drill.drills.KillProjection;
import dev.annals.drill.report.DrillReport;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill-projection drill, quickly, on PostgreSQL (a schema of its own on the test server), where it drills
 * the segmented form too: the first fault kills the unsegmented worker, the second one of the two segmented
 * workers mid-batch; both recover, the dead worker's segments are taken over, and every read model, each
 * segment included, equals a clean rebuild. 35 to 60 s on 2 shared cores (by their load), 7 to 13 s of it
 * the dead worker's leases running out. The drill's three worker processes hold about 50 of the server's
 * connections.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillProjectionOnPostgresQuickTest {

    private final TestSchema schema = new TestSchema();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void kills_an_unsegmented_then_a_segmented_worker_mid_batch_and_every_segment_equals_a_rebuild() {
        String location = schema.location();
        var progress = new ArrayList<String>();

        DrillReport report = DrillRunner.run(
                new KillProjection(),
                DrillSettings.of(location, Backends.installed(), 2).quickly(),
                progress::add);

        assertThat(report.outcome())
                .as(report.violations() + " " + report.reason())
                .isEqualTo("passed");
        assertThat(report.faults()).isEqualTo(2);
        assertThat(report.acknowledged()).isPositive();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.violationCount()).isZero();
        assertThat(report.fullChecks()).isGreaterThanOrEqualTo(1);
        assertThat(progress)
                .filteredOn(line -> line.startsWith("kill-projection  fault"))
                .satisfiesExactly(
                        first -> assertThat(first).contains("killed projection worker", "while applying position"),
                        second -> assertThat(second)
                                .contains("killed segmented worker", "while applying position", "in segment"));
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.drop();
    }
}

package dev.annals.drill;

import dev.annals.backend.Backends;
import dev.annals.drill.drills.SlowConsumer;
import dev.annals.drill.report.DrillReport;
import dev.annals.store.StreamInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every drill, quickly (3 faults each, a light load) on an embedded store, as the test suite runs them so
 * that they cannot rot: each passes with every fault recovered, appends acknowledged, nothing lost or
 * duplicated, and the drill's streams removed. Drills that need root or PostgreSQL binaries skip with a
 * reason where those are missing, and this test then asserts the reason instead. Under 3 minutes on 2
 * shared cores.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DrillsQuickTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void every_drill_passes_a_quick_run_and_leaves_no_drill_stream_behind() throws Exception {
        var settings =
                DrillSettings.of(data.toString(), Backends.installed(), 3).quickly();
        var progress = new ArrayList<String>();
        var reports = new ArrayList<DrillReport>();
        for (Drill drill : DrillCatalog.all()) {
            reports.add(DrillRunner.run(drill, settings, progress::add));
        }

        assertThat(reports).extracting(DrillReport::drill).containsExactlyElementsOf(names());
        for (DrillReport report : reports) {
            if (report.outcome().equals("skipped")) {
                assertThat(report.reason()).as(report.drill()).isNotBlank();
                continue;
            }
            assertThat(report.outcome())
                    .as(report.drill() + ": " + report.violations() + " " + report.reason())
                    .isEqualTo("passed");
            assertThat(report.faults()).as(report.drill()).isEqualTo(3);
            assertThat(report.acknowledged()).as(report.drill()).isPositive();
            assertThat(report.lost()).isZero();
            assertThat(report.duplicated()).isZero();
            assertThat(report.fullChecks()).as(report.drill()).isGreaterThanOrEqualTo(1);
            assertThat(report.incrementalChecks()).as(report.drill()).isEqualTo(3);
            assertThat(report.recovery().maxMillis())
                    .isGreaterThanOrEqualTo(report.recovery().p50Millis());
        }
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("kill-writer  fault 3/3"));
        assertThat(progress)
                .filteredOn(line -> line.startsWith("kill-projection  fault"))
                .hasSize(3)
                .allSatisfy(line ->
                        assertThat(line).contains("killed projection worker").contains("while applying"))
                .first()
                .satisfies(line -> assertThat(line).contains("no segmented workers"));
        // A burst ends at its bound of appends on a quick machine, so that the subscriber can catch up in time;
        // the writers' appends under way when it ends add one each at most.
        assertThat(progress)
                .filteredOn(line -> line.startsWith("slow-consumer  fault"))
                .hasSize(3)
                .allSatisfy(line -> assertThat(eventsBehind(line))
                        .isPositive()
                        .isLessThanOrEqualTo(SlowConsumer.mostBehind(true) + SLOW_CONSUMER_WRITERS));
        try (var deployment = Backends.installed().open(data.toString(), dev.annals.backend.OpenOptions.defaults());
                var streams = deployment.store().streams()) {
            // Tombstoned (ADR 0011): no longer listed or readable as streams; $all keeps their events.
            assertThat(streams.map(StreamInfo::stream)).noneMatch(stream -> stream.startsWith("drill-"));
        }
    }

    private static final int SLOW_CONSUMER_WRITERS = 4;
    private static final Pattern BEHIND = Pattern.compile("left the subscriber (\\d+) events behind");

    private static int eventsBehind(String progressLine) {
        var matcher = BEHIND.matcher(progressLine);
        assertThat(matcher.find()).as(progressLine).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static List<String> names() {
        return DrillCatalog.all().stream().map(Drill::name).toList();
    }
}

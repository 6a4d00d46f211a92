package dev.annals.drill;

import dev.annals.backend.Backends;
import dev.annals.drill.drills.KillRelay;
import dev.annals.drill.report.DrillReport;
import dev.annals.kafka.testing.KafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kill-relay --quick} against a real broker: three SIGKILLs of the relay's process under load. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillRelayQuickTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void the_relay_killed_three_times_publishes_every_drill_event_once_in_order() throws Exception {
        var progress = new ArrayList<String>();
        DrillReport report;
        try (var broker = KafkaBroker.start()) {
            var settings = DrillSettings.of(data.toString(), Backends.installed(), 3)
                    .quickly()
                    .publishingTo(broker.bootstrapServers());
            report = DrillRunner.run(new KillRelay(), settings, progress::add);
        }

        assertThat(report.outcome())
                .as(report.violations() + " " + report.reason())
                .isEqualTo("passed");
        assertThat(report.faults()).isEqualTo(3);
        assertThat(report.acknowledged()).isPositive();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.violations()).isEmpty();
        assertThat(progress)
                .filteredOn(line -> line.startsWith("kill-relay  fault"))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("killed relay"));
    }

    @Test
    void without_a_broker_it_is_skipped_saying_what_it_needs() {
        var report = DrillRunner.run(
                new KillRelay(),
                DrillSettings.of(data.toString(), Backends.installed(), 3).quickly(),
                line -> {});

        assertThat(report.outcome()).isEqualTo("skipped");
        assertThat(report.reason()).contains("--bootstrap-servers");
    }

    @Test
    void an_unreachable_broker_is_skipped_in_one_line() {
        var report = DrillRunner.run(
                new KillRelay(),
                DrillSettings.of(data.toString(), Backends.installed(), 3)
                        .quickly()
                        .publishingTo("127.0.0.1:1"),
                line -> {});

        assertThat(report.outcome()).isEqualTo("skipped");
        assertThat(report.reason()).isEqualTo("no Kafka broker answered at 127.0.0.1:1 within 10 s");
    }
}

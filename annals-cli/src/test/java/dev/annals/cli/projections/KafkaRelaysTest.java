package dev.annals.cli.projections;

import dev.annals.event.EventData;
import dev.annals.kafka.relay.RelayCheckpoints;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** How a relay's checkpoint read from Kafka is measured against the store: lag, age, and silence. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaRelaysTest {

    @TempDir
    Path data;

    @Test
    void a_relay_heard_of_lately_and_at_the_head_is_active_and_behind_by_nothing() {
        try (var store = SqliteEventStore.open(data)) {
            store.append("lamp-1", ExpectedVersion.any(), EventData.of("Lit", "{}"));
            var now = Instant.now();

            var report = KafkaRelays.report(
                    new RelayCheckpoints.Checkpoint("lamps", 1, now.minusSeconds(1), 12.5), store, 1, now);

            assertThat(report.role()).isEqualTo("active");
            assertThat(report.checkpoint()).isEqualTo(1);
            assertThat(report.eventsBehind()).isZero();
            assertThat(report.secondsBehind()).isZero();
            assertThat(report.publishedPerSecond()).isEqualTo(12.5);
            assertThat(report.error()).isEmpty();
        }
    }

    @Test
    void a_relay_silent_for_longer_than_three_heartbeats_is_shown_so_with_the_age_of_what_it_has_not_published() {
        try (var store = SqliteEventStore.open(data)) {
            for (int i = 0; i < 3; i++) {
                store.append("lamp-1", ExpectedVersion.any(), EventData.of("Lit", "{}"));
            }
            // Measured a minute after the appends: the first unpublished one has waited at least that long.
            var now = Instant.now().plusSeconds(60);

            var report = KafkaRelays.report(
                    new RelayCheckpoints.Checkpoint(
                            "lamps", 1, now.minus(KafkaRelays.SILENT_AFTER).minusSeconds(5), 0),
                    store,
                    store.headPosition(),
                    now);

            assertThat(report.role()).isEqualTo("silent");
            assertThat(report.eventsBehind()).isEqualTo(2);
            assertThat(report.secondsBehind()).isBetween(60.0, 120.0);
            assertThat(report.error()).isEqualTo("no checkpoint for 35s: the relay has stopped or cannot reach Kafka");
        }
    }
}

package dev.annals.kafka.source;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.ProjectionOptions;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What starting a worker accepts and registers. No broker is needed: the workers are only started, against an
 * address where none answers, and closed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaProjectionStartTest {

    @TempDir
    Path temp;

    @Test
    void two_workers_of_one_projection_each_have_their_own_meters_and_remove_only_their_own() throws Exception {
        try (var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults())) {
            var models = deployment.require(JdbcReadModels.class, "read models");
            var meters = new SimpleMeterRegistry();
            var source = KafkaSource.of("127.0.0.1:9", Pattern.compile("nothing"));
            try (var target = models.store(Tallies.TABLES);
                    var first = KafkaProjection.start(Tallies.projection("tally"), target, source, meters)) {
                var second = KafkaProjection.start(Tallies.projection("tally"), target, source, meters);
                assertThat(second.worker()).isNotEqualTo(first.worker());
                assertThat(meters.find("annals.projection.kafka.lag.records")
                                .tag("projection", "tally")
                                .gauges())
                        .extracting(gauge -> gauge.getId().getTag("worker"))
                        .containsExactlyInAnyOrder(first.worker(), second.worker());
                assertThat(meters.find("annals.projection.kafka.applied")
                                .tag("projection", "tally")
                                .functionCounters())
                        .hasSize(2);

                second.close();

                assertThat(meters.find("annals.projection.kafka.lag.records")
                                .tag("projection", "tally")
                                .gauges())
                        .extracting(gauge -> gauge.getId().getTag("worker"))
                        .containsExactly(first.worker());
            }
        }
    }

    @Test
    void a_failure_policy_other_than_skip_is_refused_with_what_a_worker_does_instead() throws Exception {
        try (var deployment = Backends.installed().open(temp.resolve("store").toString(), OpenOptions.defaults());
                var target =
                        deployment.require(JdbcReadModels.class, "read models").store(Tallies.TABLES)) {
            var source = KafkaSource.of("127.0.0.1:9", Pattern.compile("nothing"));
            var stop = ProjectionOptions.defaults().withOnFailure(FailurePolicy.STOP);

            assertThatThrownBy(() -> KafkaProjection.start(Tallies.projection("tally"), target, source, stop))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parks an event that keeps failing and goes on")
                    .hasMessageContaining("must be SKIP, was STOP");
        }
    }
}

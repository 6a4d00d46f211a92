package dev.annals.projection.segment;

import dev.annals.projection.ProjectionOptions;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SegmentOptionsTest {

    @Test
    void renews_every_third_of_the_lease_and_names_the_worker_after_its_process() {
        var options = SegmentOptions.of(8).withLeaseTtl(Duration.ofSeconds(6));

        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.worker()).contains("-" + ProcessHandle.current().pid() + "-");
        assertThat(SegmentOptions.of(8).worker()).isNotEqualTo(options.worker());
    }

    @Test
    void refuses_a_heartbeat_not_shorter_than_the_lease_and_a_number_of_segments_out_of_range() {
        var runner = ProjectionOptions.defaults();

        assertThatThrownBy(() -> new SegmentOptions(8, Duration.ofSeconds(2), Duration.ofSeconds(2), "w", runner))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than the lease ttl");
        assertThatThrownBy(() -> new SegmentOptions(0, Duration.ofSeconds(2), Duration.ofSeconds(1), "w", runner))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments must be 1 to 4096");
        assertThatThrownBy(() -> SegmentOptions.of(4).withWorker(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker id");
    }
}

package dev.annals.bench.compare;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendWorkloadTest {

    @Test
    void a_workloads_warm_up_is_the_same_load_under_a_name_of_its_own() {
        var workload = AppendWorkload.standard(20_000).stream()
                .filter(w -> w.key().equals("1w-100e"))
                .findFirst()
                .orElseThrow();

        var warmUp = workload.warmUp();

        assertThat(warmUp.name()).isEqualTo("1 writer, 100 events per append (warm-up)");
        assertThat(warmUp.key()).isEqualTo("1w-100e");
        assertThat(warmUp.events()).isEqualTo(200_000);
        assertThat(warmUp.streams()).isEqualTo(workload.streams());
    }

    @Test
    void a_contended_workloads_warm_up_races_on_as_many_streams() {
        var contended = new AppendWorkload("64 writers on 4 streams", 64, 4, 1, 20_000);

        assertThat(contended.warmUp().key()).isEqualTo("64w4s-1e");
        assertThat(contended.warmUp().contended()).isTrue();
    }
}

package dev.annals.bench.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineLoadTest {

    @Test
    void aQuietMachineIsReportedWithoutAWarning() {
        var load = new MachineLoad(2, 0.56);

        assertThat(load.line()).isEqualTo("machine: 2 processors, load average 0.56 at the start");
        assertThat(load.warning()).isEmpty();
    }

    @Test
    void aBusyMachineIsWarnedAbout() {
        var load = new MachineLoad(2, 3.2);

        assertThat(load.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("warning: the load average is 3.20, above 1:")
                .contains("compare ratios within this run only"));
    }

    @Test
    void aSystemWithoutALoadAverageSaysSo() {
        assertThat(new MachineLoad(4, -1).line()).isEqualTo("machine: 4 processors, load average unknown at the start");
        assertThat(new MachineLoad(4, -1).warning()).isEmpty();
    }
}

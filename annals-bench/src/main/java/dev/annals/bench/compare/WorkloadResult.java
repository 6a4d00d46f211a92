package dev.annals.bench.compare;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Every system's outcome on one workload, in the comparison's fixed order of systems. */
public record WorkloadResult(AppendWorkload workload, List<SystemOutcome> outcomes) {

    public WorkloadResult {
        requireNonNull(workload, "workload");
        outcomes = List.copyOf(outcomes);
    }
}

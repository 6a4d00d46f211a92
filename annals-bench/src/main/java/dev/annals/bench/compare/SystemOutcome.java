package dev.annals.bench.compare;

import dev.annals.bench.BenchmarkResult;

import static java.util.Objects.requireNonNull;

/** What one system did on one workload: a measurement, or why there is none. */
public sealed interface SystemOutcome {

    /** The system's name, such as {@code annals/sqlite} or {@code axon/postgresql}. */
    String system();

    /**
     * A measured run.
     *
     * @param retries appends refused for a stale expected version and retried (contended loads only)
     */
    record Measured(String system, BenchmarkResult result, long retries) implements SystemOutcome {
        public Measured {
            requireNonNull(system, "system");
            requireNonNull(result, "result");
        }
    }

    /** No figure: the system is not available here, with the reason. */
    record Unavailable(String system, String reason) implements SystemOutcome {
        public Unavailable {
            requireNonNull(system, "system");
            requireNonNull(reason, "reason");
        }
    }
}

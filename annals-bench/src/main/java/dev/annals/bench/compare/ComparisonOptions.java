package dev.annals.bench.compare;

import dev.annals.bench.AppendBenchmarkOptions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the append comparison runs.
 *
 * @param workloads   the loads, each run on every system
 * @param size        bytes of each event's payload
 * @param postgresUrl the PostgreSQL database for the peers' PostgreSQL columns; empty to leave them out
 * @param postgresUser the PostgreSQL user
 * @param warmup      events each system appends, untimed, before its first workload (JIT, caches); 0 also
 *                    leaves out the untimed run of each workload before it is measured
 * @param systems     the systems to run, among {@link AppendComparison#SYSTEMS}; the others are reported as left out
 */
public record ComparisonOptions(
        List<AppendWorkload> workloads,
        int size,
        Optional<String> postgresUrl,
        String postgresUser,
        long warmup,
        Set<String> systems) {

    /** Options that run every system. */
    public ComparisonOptions(
            List<AppendWorkload> workloads, int size, Optional<String> postgresUrl, String postgresUser, long warmup) {
        this(workloads, size, postgresUrl, postgresUser, warmup, Set.copyOf(AppendComparison.SYSTEMS));
    }

    /** The PostgreSQL database of the test machine: {@code test} on 127.0.0.1:5432, user {@code postgres}. */
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public ComparisonOptions {
        workloads = List.copyOf(workloads);
        requireNonNull(postgresUrl, "postgresUrl");
        requireNonNull(postgresUser, "postgresUser");
        systems = Set.copyOf(systems);
        if (systems.isEmpty() || !AppendComparison.SYSTEMS.containsAll(systems)) {
            throw new IllegalArgumentException(
                    "the systems must be among " + String.join(", ", AppendComparison.SYSTEMS) + "; was " + systems);
        }
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("the comparison needs at least one workload");
        }
        // Axon's payload record needs room for {"p":""}.
        if (size < 8 || size > 1_000_000) {
            throw new IllegalArgumentException("the payload size must be from 8 to 1,000,000 bytes, was " + size);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("the warm-up must be 0 or more events, was " + warmup);
        }
    }

    /** The options of one workload in the form the single-system benchmarks take. */
    AppendBenchmarkOptions benchmarkOptions(AppendWorkload workload) {
        return new AppendBenchmarkOptions(workload.writers(), workload.events(), size, workload.batch());
    }
}

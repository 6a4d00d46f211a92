package dev.annals.drill.report;

import java.util.List;

/**
 * What one drill did and found, as {@code annals drill} prints it and writes it to the report file.
 *
 * @param drill             its name
 * @param store             the store it ran on, for people (no secret)
 * @param startedAt         when it started (ISO-8601, UTC)
 * @param seconds           how long it ran
 * @param outcome           {@code passed}, {@code failed} or {@code skipped}
 * @param reason            why it was skipped or why it stopped early; empty otherwise
 * @param faults            faults injected
 * @param acknowledged      appends acknowledged by the store during the drill
 * @param lost              acknowledged events not found in the log
 * @param duplicated        events stored or delivered more than once
 * @param recovery          the time to work again after each fault
 * @param incrementalChecks invariant checks of what changed since the last one
 * @param fullChecks        full comparisons, the last one after the load stopped
 * @param violationCount    broken invariants found in all
 * @param violations        the first of them, in words
 */
public record DrillReport(
        String drill,
        String store,
        String startedAt,
        double seconds,
        String outcome,
        String reason,
        int faults,
        long acknowledged,
        long lost,
        long duplicated,
        RecoveryTimes recovery,
        int incrementalChecks,
        int fullChecks,
        long violationCount,
        List<String> violations) {

    /** Copies. */
    public DrillReport {
        violations = List.copyOf(violations);
    }

    /** A drill that could not run here, and why. */
    public static DrillReport skipped(String drill, String store, String startedAt, String reason) {
        return new DrillReport(
                drill,
                store,
                startedAt,
                0,
                "skipped",
                reason,
                0,
                0,
                0,
                0,
                RecoveryTimes.of(List.of()),
                0,
                0,
                0,
                List.of());
    }

    /** True unless an invariant broke or the drill failed. */
    public boolean passed() {
        return !outcome.equals("failed");
    }
}

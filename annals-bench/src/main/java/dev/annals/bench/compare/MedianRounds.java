package dev.annals.bench.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The comparison run several rounds over, reduced to one table: each cell (one workload on one system) is that
 * cell's median round by events/s, with the p50 and p99 of the same round.
 *
 * <p>Each round runs every system in turn, so the systems of one row are measured minutes apart; a slow stretch
 * of a shared machine (another tenant's disk, a checkpoint of the database) that falls on one system's turn
 * moves that one cell of that one round. The median of three or more rounds leaves such a stretch out, and the
 * ratios between medians hold better than those of any single round.
 */
public final class MedianRounds {

    private MedianRounds() {}

    /**
     * One table from {@code rounds}, each a full comparison of the same workloads and systems. A cell that could
     * not be measured in some round stays unavailable, with that round's reason: a failure is never hidden by
     * the rounds that succeeded.
     *
     * @throws IllegalArgumentException when there are no rounds, or they differ in workloads or systems
     */
    public static List<WorkloadResult> of(List<List<WorkloadResult>> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("at least one round is needed");
        }
        var first = rounds.getFirst();
        var table = new ArrayList<WorkloadResult>(first.size());
        for (int row = 0; row < first.size(); row++) {
            var workload = first.get(row).workload();
            var cells = new ArrayList<SystemOutcome>();
            for (int column = 0; column < first.get(row).outcomes().size(); column++) {
                var outcomes = new ArrayList<SystemOutcome>(rounds.size());
                for (var round : rounds) {
                    if (round.size() != first.size()
                            || !round.get(row).workload().equals(workload)) {
                        throw new IllegalArgumentException("the rounds differ in their workloads");
                    }
                    outcomes.add(round.get(row).outcomes().get(column));
                }
                cells.add(median(outcomes));
            }
            table.add(new WorkloadResult(workload, cells));
        }
        return table;
    }

    /** The median by events/s (the lower of the two middle ones for an even count), or the first unavailable. */
    private static SystemOutcome median(List<SystemOutcome> outcomes) {
        var measured = new ArrayList<SystemOutcome.Measured>(outcomes.size());
        for (SystemOutcome outcome : outcomes) {
            if (!outcome.system().equals(outcomes.getFirst().system())) {
                throw new IllegalArgumentException("the rounds differ in their systems");
            }
            switch (outcome) {
                case SystemOutcome.Unavailable unavailable -> {
                    return unavailable;
                }
                case SystemOutcome.Measured cell -> measured.add(cell);
            }
        }
        measured.sort(Comparator.comparingDouble(cell -> cell.result().eventsPerSecond()));
        return measured.get((measured.size() - 1) / 2);
    }
}

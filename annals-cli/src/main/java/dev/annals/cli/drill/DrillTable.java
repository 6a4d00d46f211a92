package dev.annals.cli.drill;

import dev.annals.drill.report.DrillReport;
import dev.annals.drill.report.ReportFile;
import java.io.PrintWriter;

/** The final table of {@code annals drill}: one row per drill. */
final class DrillTable {

    private static final String ROW = "%-17s %-8s %7s %12s %5s %10s %9s %9s %9s %10s%n";

    private DrillTable() {}

    static void print(ReportFile file, PrintWriter out) {
        out.println();
        out.printf(
                ROW,
                "drill",
                "outcome",
                "faults",
                "acknowledged",
                "lost",
                "duplicated",
                "p50 ms",
                "p99 ms",
                "max ms",
                "violations");
        for (DrillReport report : file.drills()) {
            out.printf(
                    ROW,
                    report.drill(),
                    report.outcome(),
                    report.faults(),
                    report.acknowledged(),
                    report.lost(),
                    report.duplicated(),
                    report.recovery().p50Millis(),
                    report.recovery().p99Millis(),
                    report.recovery().maxMillis(),
                    report.violationCount());
            if (!report.reason().isEmpty()) {
                out.println("  " + report.drill() + ": " + report.reason());
            }
            report.violations().forEach(violation -> out.println("  " + report.drill() + ": " + violation));
        }
        out.println(file.passed() ? "every invariant held" : "INVARIANTS BROKEN: see above");
    }
}

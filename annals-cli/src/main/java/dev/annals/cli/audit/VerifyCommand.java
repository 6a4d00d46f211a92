package dev.annals.cli.audit;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code annals verify}: checks the audit trail's hash chain of the store (SQLite or PostgreSQL), then seals the
 * events appended since the last run. Exit 1 naming the first broken position when the chain breaks.
 */
@Command(
        name = "verify",
        description = {
            "Checks the tamper-evident hash chain of the store and seals events appended since the last run.",
            "Prints the head hash: record it elsewhere to check later that history was not rewritten.",
            "Exit 1 with the first broken position when any sealed event was changed, removed, inserted or reordered."
        })
public final class VerifyCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AuditReport report;
        try (var deployment = annals.openReadOnly()) {
            report = deployment.require(AuditTrail.class, "audit trail").verify();
        }
        if (!report.intact()) {
            var err = spec.commandLine().getErr();
            err.println("verify: chain broken at position "
                    + report.firstBroken().getAsLong() + ": "
                    + report.problem() + " (" + report.verified() + " event(s) intact before it, last good hash "
                    + report.headHash() + ")");
            err.flush();
            return ExitCodes.REJECTED;
        }
        var out = spec.commandLine().getOut();
        out.println("verify: intact: " + report.verified() + " event(s) verified, " + report.sealed()
                + " newly sealed; head position " + report.headPosition() + ", head hash " + report.headHash());
        out.flush();
        return ExitCodes.OK;
    }
}

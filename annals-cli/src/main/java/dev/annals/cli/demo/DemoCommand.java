package dev.annals.cli.demo;

import dev.annals.backend.OpenOptions;
import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.example.bank.demo.BankDemo;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals demo}: the bank example on the store under {@code --data}: accounts, a rejected
 * overdraft, a temporal query, and on the SQLite store the read side: projections catching up, a
 * transfer and a compensated transfer.
 */
@Command(
        name = "demo",
        sortOptions = false,
        description = {
            "Runs the bank example on the data directory.",
            "Opens two accounts, moves money, shows a rejected overdraft and an account as it was; then starts"
                    + " the projections, runs a transfer and a transfer compensated because its target is"
                    + " frozen, and prints the read models."
        })
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        var writer = spec.commandLine().getOut();
        var out = new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
        try (var deployment = annals.openDeployment(OpenOptions.defaults())) {
            out.printf("Annals demo on %s%n%n", deployment.description());
            var readModels = deployment.capability(JdbcReadModels.class);
            if (readModels.isPresent()) {
                new BankDemo(deployment.store(), out, readModels.get()).run();
            } else {
                new BankDemo(deployment.store(), out).run();
            }
        }
        out.flush();
        writer.flush();
        return ExitCodes.OK;
    }
}

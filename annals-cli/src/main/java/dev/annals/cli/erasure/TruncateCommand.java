package dev.annals.cli.erasure;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals truncate STREAM --before VERSION}: reads of the stream start at VERSION from now on. */
@Command(
        name = "truncate",
        sortOptions = false,
        description = {
            "Hides the events of STREAM before VERSION: reads of the stream start there. The stream keeps its"
                    + " version and takes appends as before; truncation only ever hides more.",
            "The events stay in the log: reads of \\$all, categories and types, and therefore subscriptions and"
                    + " projections, still deliver them (docs/erasure.md).",
            "Exit 1 when the stream does not exist or VERSION is past its end."
        })
public final class TruncateCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream to truncate, such as account-1.")
    private String stream;

    @Option(
            names = "--before",
            required = true,
            paramLabel = "VERSION",
            description = "The first version to keep readable (0-based); at most the stream's version plus one.")
    private long before;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        var result = StreamDeletions.run(annals, store -> store.truncateStream(stream, before));
        var out = spec.commandLine().getOut();
        out.println("truncate: stream '" + stream + "' now reads from version " + result.firstReadableVersion()
                + ": " + StreamDeletions.hidden(result) + "; its last version is " + result.lastVersion() + ". "
                + StreamDeletions.GLOBAL_NOTE);
        out.flush();
        return ExitCodes.OK;
    }
}

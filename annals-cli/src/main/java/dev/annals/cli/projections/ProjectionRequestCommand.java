package dev.annals.cli.projections;

import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.projection.ProjectionNames;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The requests {@code annals projections} can make of a projection's runner. */
abstract class ProjectionRequestCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ProjectionsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The projection's name.")
    String name;

    @Override
    public Integer call() {
        ProjectionNames.validate(name);
        try (var states = ProjectionsCommand.openStates(parent.annals())) {
            ProjectionsCommand.requireKnown(parent.annals(), states.value(), name);
            String done = request(states.value());
            spec.commandLine().getOut().printf("%s: %s; a running runner acts on it within seconds%n", name, done);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    abstract String request(ProjectionStates states);

    @Command(name = "pause", description = "Asks the projection NAME to stop delivering events until resumed.")
    static final class Pause extends ProjectionRequestCommand {
        @Override
        String request(ProjectionStates states) {
            states.pause(name);
            return "pause requested";
        }
    }

    @Command(name = "resume", description = "Asks the paused projection NAME to go on from its checkpoint.")
    static final class Resume extends ProjectionRequestCommand {
        @Override
        String request(ProjectionStates states) {
            states.resume(name);
            return "resume requested";
        }
    }

    @Command(
            name = "rebuild",
            description = {
                "Asks the projection NAME to rebuild from the first event.",
                "By default the new version is built beside the live one and queries switch to it once it has caught"
                        + " up (blue/green); --in-place empties the live read model and replays into it."
            })
    static final class Rebuild extends ProjectionRequestCommand {

        @Option(names = "--in-place", description = "Reset the live read model instead of building a new version.")
        boolean inPlace;

        @Override
        String request(ProjectionStates states) {
            if (SegmentLeaseTable.segmented(parent.annals(), name)) {
                throw new RejectedRequestException("projection " + name + " is split into segments; segmented"
                        + " projections cannot be rebuilt by request yet (see docs/operations.md)");
            }
            var mode = inPlace ? RebuildMode.RESET : RebuildMode.BLUE_GREEN;
            states.requestRebuild(name, mode);
            return "rebuild requested (" + (inPlace ? "in place" : "blue/green") + ")";
        }
    }
}

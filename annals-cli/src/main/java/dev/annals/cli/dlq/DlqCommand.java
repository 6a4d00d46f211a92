package dev.annals.cli.dlq;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.cli.projections.ProjectionsCommand;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.UnknownDeadLetterException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals dlq}: the dead letters of projections, listed, retried or skipped. */
@Command(
        name = "dlq",
        sortOptions = false,
        description = {
            "Lists, retries or skips the events projections parked after their retries ran out.",
            "Retry and skip are requests a running runner serves within seconds."
        })
public final class DlqCommand {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Command(name = "list", description = "Lists open dead letters, of projection NAME or of all.")
    int list(@Parameters(index = "0", arity = "0..1", paramLabel = "NAME") String name) {
        var out = spec.commandLine().getOut();
        try (var opened = ProjectionsCommand.openStates(annals)) {
            var states = opened.value();
            if (name != null) {
                ProjectionsCommand.requireKnown(annals, states, name);
            }
            var letters = states.deadLetters(Optional.ofNullable(name));
            if (letters.isEmpty()) {
                out.println("No open dead letters.");
            }
            for (DeadLetter letter : letters) {
                out.printf(
                        "%d  %s  position %d  event %s (%s)  %s after %d attempts, first %s, last %s%n  error: %s%n",
                        letter.id(),
                        letter.projection(),
                        letter.position(),
                        letter.eventId(),
                        letter.eventType(),
                        letter.status(),
                        letter.attempts(),
                        letter.firstFailure(),
                        letter.lastFailure(),
                        letter.error());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "retry", description = "Asks the runner to deliver dead letter ID to its handler again.")
    int retry(@Parameters(index = "0", paramLabel = "ID") long id) {
        try (var opened = ProjectionsCommand.openStates(annals)) {
            var states = opened.value();
            states.requestRetry(id);
        } catch (UnknownDeadLetterException e) {
            throw new RejectedRequestException(e.getMessage());
        }
        spec.commandLine().getOut().printf("dead letter %d: retry requested%n", id);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    @Command(name = "skip", description = "Gives up on dead letter ID; a projection stopped on it goes on.")
    int skip(@Parameters(index = "0", paramLabel = "ID") long id) {
        try (var opened = ProjectionsCommand.openStates(annals)) {
            var states = opened.value();
            states.skip(id);
        } catch (UnknownDeadLetterException e) {
            throw new RejectedRequestException(e.getMessage());
        }
        spec.commandLine().getOut().printf("dead letter %d: skipped%n", id);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

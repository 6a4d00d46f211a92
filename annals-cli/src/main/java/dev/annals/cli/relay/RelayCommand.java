package dev.annals.cli.relay;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code annals relay ...}: relays of the event log to message brokers; Kafka's for now. */
@Command(
        name = "relay",
        description = "Publishes the store's events to a message broker (see docs/kafka.md).",
        subcommands = {KafkaRelayCommand.class},
        synopsisSubcommandLabel = "BROKER")
public final class RelayCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name the broker: annals relay kafka ...");
    }
}

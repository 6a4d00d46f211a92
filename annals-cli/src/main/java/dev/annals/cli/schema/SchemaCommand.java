package dev.annals.cli.schema;

import dev.annals.example.bank.Bank;
import dev.annals.serialization.EventTypeRegistry;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code annals schema register|check}: the schema registry of the event types the CLI knows (the bank
 * example's), kept as files in a directory committed with the code and, optionally, in the store.
 */
@Command(
        name = "schema",
        description = {
            "The schema registry: the JSON Schema of every event type at every version.",
            "Run 'schema check' in CI: it fails (exit 1) when a change would make stored events unreadable."
        },
        subcommands = {SchemaRegisterCommand.class, SchemaCheckCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        mixinStandardHelpOptions = true)
public final class SchemaCommand {

    /** The directory schema files are kept in when {@code --schemas} is not given. */
    static final Path DEFAULT_DIRECTORY = Path.of("schemas");

    /** The event types the CLI knows; an application with its own would list its registries here. */
    static final List<EventTypeRegistry<?>> REGISTRIES = Bank.entityTypes().types().stream()
            .<EventTypeRegistry<?>>map(type -> type.codec().registry())
            .toList();

    @picocli.CommandLine.ParentCommand
    dev.annals.cli.AnnalsCommand annals;
}

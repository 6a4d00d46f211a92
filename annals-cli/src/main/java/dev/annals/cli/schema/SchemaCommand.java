package dev.annals.cli.schema;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code annals schema register|check}: the schema registry of event types, kept as files in a directory
 * committed with the code and, optionally, in the store. The types are the bank example's unless
 * {@code --classpath} and {@code --types} name a project's own.
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

    @picocli.CommandLine.ParentCommand
    dev.annals.cli.AnnalsCommand annals;
}

package dev.annals.cli.schema;

import dev.annals.cli.ExitCodes;
import dev.annals.cli.RejectedRequestException;
import dev.annals.schema.EventSchema;
import dev.annals.schema.SchemaDirectory;
import dev.annals.schema.SchemaGate;
import dev.annals.schema.StoredSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals schema check}: compares the code's event types with the registered schemas and exits 1,
 * printing one line per problem (type, version, breaking change), when stored events would no longer
 * read; exits 0 otherwise. Meant as a CI step (docs/schema-evolution.md).
 */
@Command(
        name = "check",
        description = {
            "Compares the code's event types with the registered schemas.",
            "Exit 1 naming type, version and change when a change breaks stored events without a new version"
                    + " and an upcaster."
        })
public final class SchemaCheckCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private SchemaCommand schema;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--schemas", paramLabel = "DIR", description = "The schema directory (default: schemas).")
    private Path directory = SchemaCommand.DEFAULT_DIRECTORY;

    @Option(names = "--in-store", description = "Check against the schemas registered in the store instead.")
    private boolean inStore;

    @CommandLine.Mixin
    private EventTypeOptions types;

    @Override
    public Integer call() {
        try (var selection = types.select()) {
            return check(new SchemaGate(selection.registries(), new SchemaDirectory(directory)));
        }
    }

    private int check(SchemaGate gate) {
        List<EventSchema> registered = inStore ? readStore() : readFiles();
        var violations = gate.check(registered);
        var source = inStore ? "the store" : directory.toString();
        if (violations.isEmpty()) {
            spec.commandLine()
                    .getOut()
                    .println("schema check: compatible: " + gate.typeCount() + " types against " + registered.size()
                            + " registered schema(s) in " + source);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        var err = spec.commandLine().getErr();
        violations.forEach(violation -> err.println(violation.describe()));
        err.println("schema check: " + violations.size() + " incompatible change(s) against " + source);
        err.flush();
        return ExitCodes.REJECTED;
    }

    private List<EventSchema> readFiles() {
        if (!Files.isDirectory(directory)) {
            throw new RejectedRequestException("no schema directory '" + directory
                    + "': run 'annals schema register' first (or give --schemas DIR)");
        }
        return new SchemaDirectory(directory).read();
    }

    private List<EventSchema> readStore() {
        try (var store = schema.annals.openStoreForReading()) {
            return StoredSchemas.read(store);
        }
    }
}

package dev.annals.cli.schema;

import dev.annals.cli.ExitCodes;
import dev.annals.schema.EventSchema;
import dev.annals.schema.SchemaDirectory;
import dev.annals.schema.SchemaGate;
import dev.annals.schema.StoredSchemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annals schema register}: records the schema of every event type at its current version, as a
 * file under the schema directory and, with {@code --in-store}, in the store. A version registered
 * already is left as it is. Refuses (exit 1, writing nothing) when the code is incompatible with what is
 * registered, so that a breaking change cannot be registered over the schema it breaks.
 */
@Command(
        name = "register",
        description =
                "Records the current schema of every event type (files under --schemas; the store too with --in-store).")
public final class SchemaRegisterCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegisterCommand.class);

    @CommandLine.ParentCommand
    private SchemaCommand schema;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--schemas", paramLabel = "DIR", description = "The schema directory (default: schemas).")
    private Path directory = SchemaCommand.DEFAULT_DIRECTORY;

    @Option(names = "--in-store", description = "Also record the schemas in the store (stream annals-schemas).")
    private boolean inStore;

    @CommandLine.Mixin
    private EventTypeOptions types;

    @Override
    public Integer call() {
        try (var selection = types.select()) {
            return register(new SchemaGate(selection.registries(), new SchemaDirectory(directory)));
        }
    }

    private int register(SchemaGate gate) {
        var out = spec.commandLine().getOut();
        var registration = gate.register();
        if (registration.refused()) {
            var err = spec.commandLine().getErr();
            registration.violations().forEach(violation -> err.println(violation.describe()));
            err.println("nothing registered: " + registration.violations().size()
                    + " incompatible change(s); run 'annals schema check' for details");
            err.flush();
            return ExitCodes.REJECTED;
        }
        var files = new SchemaDirectory(directory);
        for (EventSchema eventSchema : registration.written()) {
            LOG.info(
                    "registered {} in {}",
                    eventSchema.label(),
                    files.fileOf(eventSchema.type(), eventSchema.version()));
            out.println("registered " + eventSchema.label());
        }
        var current = gate.current();
        int stored = inStore ? registerInStore(current) : 0;
        out.println("schema register: " + current.size() + " types, "
                + registration.written().size() + " new file(s) in " + directory
                + (inStore ? ", " + stored + " new in the store" : ""));
        out.flush();
        return ExitCodes.OK;
    }

    private int registerInStore(java.util.List<EventSchema> current) {
        try (var store = schema.annals.openStore()) {
            var known = new ArrayList<>(
                    StoredSchemas.read(store).stream().map(EventSchema::label).toList());
            var missing = current.stream()
                    .filter(eventSchema -> !known.contains(eventSchema.label()))
                    .toList();
            StoredSchemas.register(store, missing);
            return missing.size();
        }
    }
}

package dev.annals.server.internal.command;

import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.RetriesExhaustedException;
import dev.annals.event.Metadata;
import dev.annals.server.auth.Permission;
import dev.annals.server.command.CommandRegistry;
import dev.annals.server.command.RegisteredCommand;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.EventStore;
import dev.annals.store.StreamName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * {@code POST /commands/{name}/{stream}} runs a registered command on a stream; {@code GET /commands}
 * lists the registered commands with their fields and each field's JSON type.
 *
 * <p>Accepted: 200 with the stream's new version, the global position of its last event (the token a
 * read side can wait for) and the ids of the events written. A domain rejection is an answer, not a
 * failure: 422 with the decider's reason, nothing written. The optional {@code X-Correlation-Id}
 * header becomes the events' correlation id; the command's id becomes their causation id.
 *
 * <p>The caller must be allowed to write the target stream and every stream the command declares it
 * will also write ({@link RegisteredCommand#alsoWrites()}), before anything is written.
 */
public final class CommandRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRoutes.class);
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final EventStore store;
    private final CommandRegistry registry;
    private final Guard guard;
    private final CommandDecoder decoder = new CommandDecoder();

    public CommandRoutes(EventStore store, CommandRegistry registry, Guard guard) {
        this.store = requireNonNull(store, "store");
        this.registry = requireNonNull(registry, "registry");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.get("/commands", this::list);
        app.post("/commands/{name}/{stream}", this::run);
    }

    private void list(Context ctx) {
        guard.require(ctx, Permission.READ, "");
        var node = ApiJson.MAPPER.createObjectNode();
        var commands = node.putArray("commands");
        registry.commands().values().forEach(command -> {
            var item = commands.addObject();
            item.put("name", command.name());
            item.put("category", command.entity().category());
            command.fields().forEach(item.putArray("fields")::add);
            // The JSON type of each field: values are not coerced, so a form must send 5 for a number, "5" for text.
            CommandFields.jsonTypes(command.type()).forEach(item.putObject("fieldTypes")::put);
        });
        ctx.contentType("application/json").result(node.toString());
    }

    private void run(Context ctx) {
        String name = ctx.pathParam("name");
        String stream = StreamName.validate(ctx.pathParam("stream"));
        // The caller is authenticated already; only one allowed to write here learns which commands exist.
        guard.require(ctx, Permission.WRITE, stream);
        RegisteredCommand<?> command = registry.commands().get(name);
        if (command == null) {
            throw new ApiException(
                    404,
                    "unknown_command",
                    "no command named '" + name + "'; known: "
                            + registry.commands().keySet(),
                    Map.of("command", name));
        }
        String category = StreamName.categoryOf(stream);
        if (!category.equals(command.entity().category())) {
            throw ApiException.invalid(
                    "wrong_category",
                    "command '" + name + "' runs on streams of category '"
                            + command.entity().category() + "', not on '" + stream + "'",
                    Map.of(
                            "command",
                            name,
                            "stream",
                            stream,
                            "category",
                            command.entity().category()));
        }
        Metadata metadata = Metadata.empty();
        String correlation = ctx.header(CORRELATION_HEADER);
        if (correlation != null && !correlation.isBlank()) {
            metadata = metadata.withCorrelationId(correlation.strip());
        }
        var outcome = handle(command, stream, ctx, metadata);
        switch (outcome.outcome()) {
            case CommandOutcome.Accepted<?> accepted -> {
                var node = ApiJson.MAPPER.createObjectNode();
                node.put("outcome", "accepted");
                node.put("stream", stream);
                node.put("version", accepted.streamVersion());
                node.put("position", accepted.position());
                node.put("commandId", outcome.commandId());
                accepted.eventIds().forEach(id -> node.withArray("eventIds").add(id.toString()));
                ctx.contentType("application/json").result(node.toString());
            }
            case CommandOutcome.Rejected<?> rejected ->
                throw new ApiException(
                        422,
                        "command_rejected",
                        rejected.reason(),
                        Map.of("command", name, "stream", stream, "version", rejected.streamVersion()));
        }
    }

    private <C> Handled handle(RegisteredCommand<C> command, String stream, Context ctx, Metadata metadata) {
        C decoded = decoder.decode(command, ctx.bodyAsBytes());
        authoriseAlsoWritten(ctx, command, decoded);
        var message = CommandMessage.of(decoded, metadata);
        try {
            var outcome = command.entity().handler(store).handle(stream, message);
            LOG.debug("command {} ({}) on stream {}: {}", message.commandId(), command.name(), stream, outcome);
            return new Handled(message.commandId().toString(), outcome);
        } catch (RetriesExhaustedException e) {
            throw new ApiException(409, "retries_exhausted", e.getMessage(), Map.of("stream", stream));
        }
    }

    /** A command is authorised by every stream it will write: its target, checked above, and these. */
    private <C> void authoriseAlsoWritten(Context ctx, RegisteredCommand<C> command, C decoded) {
        for (String touched : command.alsoWrites().apply(decoded)) {
            StreamName.validate(touched);
            try {
                guard.require(ctx, Permission.WRITE, touched);
            } catch (ApiException e) {
                throw new ApiException(
                        e.status(),
                        e.code(),
                        "command '" + command.name() + "' also writes stream '" + touched + "': " + e.getMessage(),
                        e.details());
            }
        }
    }

    private record Handled(String commandId, CommandOutcome<?> outcome) {}
}

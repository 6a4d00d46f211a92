package dev.annals.server.command;

import dev.annals.decider.EntityType;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The commands a server takes over HTTP, by name: {@code POST /commands/{name}/{stream}} decodes the
 * JSON body into the command's type and hands it to a command handler of its entity type, on the
 * stream named in the path. This is the server's only knowledge of a domain: it needs the types, never
 * a dependency on the module that defines them.
 *
 * <p>Immutable: {@link #with} returns a new registry. Names are unique, lower case words joined by
 * {@code -} (such as {@code open-account}).
 */
public final class CommandRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final CommandRegistry EMPTY = new CommandRegistry(Map.of());

    private final Map<String, RegisteredCommand<?>> commands;

    private CommandRegistry(Map<String, RegisteredCommand<?>> commands) {
        this.commands = commands;
    }

    /** A registry with no commands: every {@code POST /commands/...} answers 404. */
    public static CommandRegistry empty() {
        return EMPTY;
    }

    /**
     * This registry plus command {@code name}: a JSON body decoded as {@code type} (a record, usually),
     * handled by {@code entity}'s decider on streams of {@code entity}'s category only. The command writes
     * its target stream only: a caller allowed to write that stream may run it.
     *
     * @throws IllegalArgumentException when {@code name} is not a lower case word or is registered already
     */
    public <C> CommandRegistry with(String name, Class<? extends C> type, EntityType<C, ?, ?> entity) {
        return add(new RegisteredCommand<C>(name, type, entity));
    }

    /**
     * This registry plus command {@code name} that, once accepted, also causes writes to the streams
     * {@code alsoWrites} names (a transfer's process manager debits and credits the accounts the transfer
     * names). A caller must be allowed to write the target stream and every one of these: a command is
     * authorised by every stream it will touch, so a token limited to {@code transfer-} cannot move money
     * out of {@code account-1}. Each must be a valid stream name, or the request is refused with 400.
     *
     * @throws IllegalArgumentException when {@code name} is not a lower case word or is registered already
     */
    public <C, T extends C> CommandRegistry with(
            String name,
            Class<T> type,
            EntityType<C, ?, ?> entity,
            Function<? super T, ? extends Collection<String>> alsoWrites) {
        requireNonNull(type, "type");
        requireNonNull(alsoWrites, "alsoWrites");
        return add(new RegisteredCommand<C>(
                name, type, entity, command -> List.copyOf(alsoWrites.apply(type.cast(command)))));
    }

    private CommandRegistry add(RegisteredCommand<?> command) {
        String name = command.name();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "command name must be lower case words joined by '-', was '" + name + "'");
        }
        if (commands.containsKey(name)) {
            throw new IllegalArgumentException("command '" + name + "' is registered already");
        }
        var copy = new LinkedHashMap<String, RegisteredCommand<?>>(commands);
        copy.put(name, command);
        return new CommandRegistry(Collections.unmodifiableMap(copy));
    }

    /** The registered commands by name, in the order they were registered. */
    public Map<String, RegisteredCommand<?>> commands() {
        return commands;
    }
}

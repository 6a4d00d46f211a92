package dev.annals.server.command;

import dev.annals.decider.EntityType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One command of a {@link CommandRegistry}.
 *
 * @param name       its name in {@code /commands/{name}/{stream}}
 * @param type       the class its JSON body is decoded as
 * @param entity     the entity type that handles it; the target stream must be in its category
 * @param alsoWrites the streams besides the target that running a command will write (through a process
 *                   manager, say), read from the decoded command: a caller must be allowed to write each
 * @param <C>        the entity's command type
 */
public record RegisteredCommand<C>(
        String name, Class<? extends C> type, EntityType<C, ?, ?> entity, Function<C, List<String>> alsoWrites) {

    public RegisteredCommand {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(entity, "entity");
        requireNonNull(alsoWrites, "alsoWrites");
    }

    /** A command that writes its target stream only. */
    public RegisteredCommand(String name, Class<? extends C> type, EntityType<C, ?, ?> entity) {
        this(name, type, entity, command -> List.of());
    }

    /** The names of the body's fields: the record components of {@link #type()}, or none for another class. */
    public List<String> fields() {
        RecordComponent[] components = type.getRecordComponents();
        return components == null
                ? List.of()
                : Arrays.stream(components).map(RecordComponent::getName).toList();
    }
}

package dev.annals.server.command;

import static java.util.Objects.requireNonNull;

import dev.annals.decider.EntityType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * One command of a {@link CommandRegistry}.
 *
 * @param name   its name in {@code /commands/{name}/{stream}}
 * @param type   the class its JSON body is decoded as
 * @param entity the entity type that handles it; the target stream must be in its category
 * @param <C>    the entity's command type
 */
public record RegisteredCommand<C>(String name, Class<? extends C> type, EntityType<C, ?, ?> entity) {

    public RegisteredCommand {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(entity, "entity");
    }

    /** The names of the body's fields: the record components of {@link #type()}, or none for another class. */
    public List<String> fields() {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components).map(RecordComponent::getName).toList();
    }
}

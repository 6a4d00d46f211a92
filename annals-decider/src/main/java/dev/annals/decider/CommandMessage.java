package dev.annals.decider;

import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A command with its id and metadata, as a command handler receives it.
 *
 * <p>The metadata's causation id (set by a process manager to the id of the event it reacts to) or,
 * when it has none, the command's id becomes the causation id of every event the command produces; the
 * metadata's correlation id (or, when it has none, the command's id) becomes their correlation id. Other metadata entries,
 * such as the user, are copied onto the events as they are.
 *
 * @param commandId unique id of this command
 * @param command   the command itself
 * @param metadata  correlation id, user and other entries
 * @param <C>       the command type
 */
public record CommandMessage<C>(UUID commandId, C command, Metadata metadata) {

    public CommandMessage {
        requireNonNull(commandId, "commandId");
        requireNonNull(command, "command");
        requireNonNull(metadata, "metadata");
    }

    /** {@code command} with a new time-ordered id and no metadata. */
    public static <C> CommandMessage<C> of(C command) {
        return new CommandMessage<>(EventIds.next(), command, Metadata.empty());
    }

    /** {@code command} with a new time-ordered id and {@code metadata}. */
    public static <C> CommandMessage<C> of(C command, Metadata metadata) {
        return new CommandMessage<>(EventIds.next(), command, metadata);
    }

    /** The metadata to give each event this command produces: its own plus correlation and causation. */
    public Metadata eventMetadata() {
        String id = commandId.toString();
        return metadata.withCorrelationId(metadata.correlationId().orElse(id))
                .withCausationId(metadata.causationId().orElse(id));
    }
}

package dev.annals.decider;

import dev.annals.serialization.EventCodec;
import dev.annals.store.EventReader;
import dev.annals.store.EventStore;
import dev.annals.store.StreamName;

import static java.util.Objects.requireNonNull;

/**
 * One kind of entity: the stream category its instances live in, its decider and its event codec.
 *
 * <p>Streams of the category are named {@code CATEGORY-ID} (see {@link StreamName#categoryOf}), such
 * as {@code account-42}. Tools such as the CLI look entity types up by category to fold a stream they
 * know nothing else about.
 *
 * @param category the stream category, such as {@code account}; non-blank, without {@code -}
 * @param decider  the entity's behaviour
 * @param codec    how its events are stored
 * @param <C>      the command type
 * @param <S>      the state type
 * @param <E>      the event type
 */
public record EntityType<C, S, E>(String category, Decider<C, S, E> decider, EventCodec<E> codec) {

    public EntityType {
        requireNonNull(category, "category");
        requireNonNull(decider, "decider");
        requireNonNull(codec, "codec");
        if (category.isBlank() || category.contains("-")) {
            throw new IllegalArgumentException("a category is non-blank and has no '-', was '" + category + "'");
        }
    }

    /** The stream of the entity with {@code id}: {@code category-id}. */
    public String stream(String id) {
        return StreamName.validate(category + "-" + requireNonNull(id, "id"));
    }

    /** A loader of this entity's state, now or in the past, from {@code reader}. */
    public StateLoader<S, E> states(EventReader reader) {
        return new StateLoader<>(reader, decider, codec);
    }

    /** A command handler for this entity over {@code store}, with {@code retry}. */
    public CommandHandler<C, S, E> handler(EventStore store, RetryPolicy retry) {
        return new CommandHandler<>(store, decider, codec, retry);
    }

    /** A command handler for this entity over {@code store}, with the default retry policy. */
    public CommandHandler<C, S, E> handler(EventStore store) {
        return handler(store, RetryPolicy.defaults());
    }
}

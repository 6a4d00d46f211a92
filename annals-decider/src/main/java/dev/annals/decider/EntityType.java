package dev.annals.decider;

import dev.annals.backend.Deployment;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.snapshot.SnapshotPolicy;
import dev.annals.snapshot.SnapshotSettings;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventReader;
import dev.annals.store.EventStore;
import dev.annals.store.StreamName;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One kind of entity: the stream category it owns, its decider, its event codec and, optionally, how it
 * snapshots its state. Immutable; {@link #withSnapshots} returns a new one.
 *
 * <pre>{@code
 * static final EntityType<BookCommand, Book, BookEvent> BOOKS =
 *         EntityType.of("book", new BookDecider(), BookEvent.class)
 *                 .withSnapshots(Book.class, 1, SnapshotPolicy.every(100));   // optional
 * }</pre>
 *
 * <p>Streams of the category are named {@code CATEGORY-ID} (see {@link StreamName#categoryOf}), such as
 * {@code book-42}; the entity type owns them, and its handlers refuse a command to a stream of another
 * category ({@link WrongCategoryException}). Tools such as the CLI look entity types up by category to fold a
 * stream they know nothing else about.
 *
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public final class EntityType<C, S, E> {

    private final String category;
    private final Decider<C, S, E> decider;
    private final EventCodec<E> codec;
    private final Optional<SnapshotSettings<S>> snapshots;

    /**
     * An entity type of {@code category} (non-blank, without {@code -}), deciding with {@code decider} and
     * storing events with {@code codec}; it takes no snapshots.
     */
    public EntityType(String category, Decider<C, S, E> decider, EventCodec<E> codec) {
        this(category, decider, codec, Optional.empty());
    }

    private EntityType(
            String category, Decider<C, S, E> decider, EventCodec<E> codec, Optional<SnapshotSettings<S>> snapshots) {
        this.category = requireNonNull(category, "category");
        this.decider = requireNonNull(decider, "decider");
        this.codec = requireNonNull(codec, "codec");
        this.snapshots = snapshots;
        if (category.isBlank() || category.contains("-")) {
            throw new IllegalArgumentException("a category is non-blank and has no '-', was '" + category + "'");
        }
    }

    /**
     * The entity type of {@code category} whose events are the records {@code events} permits, each stored
     * under its simple name ({@link EventTypeRegistry#of}) with the standard JSON set-up. For other names,
     * versions, upcasters or a mapper of one's own, build the codec and use the constructor.
     */
    public static <C, S, E> EntityType<C, S, E> of(String category, Decider<C, S, E> decider, Class<E> events) {
        return new EntityType<>(category, decider, new EventCodec<>(EventTypeRegistry.of(events)));
    }

    /**
     * This entity type taking snapshots of its state of class {@code stateType}, at shape version
     * {@code stateVersion}, as {@code policy} says; written with the codec's Jackson mapper. Raise
     * {@code stateVersion} whenever the state's shape or {@code evolve} changes: older snapshots are then
     * ignored. Handlers made with a snapshot store ({@link #handler(Deployment)},
     * {@link #handler(EventStore, SnapshotStore)}) use them.
     */
    public EntityType<C, S, E> withSnapshots(Class<S> stateType, int stateVersion, SnapshotPolicy policy) {
        return new EntityType<>(
                category,
                decider,
                codec,
                Optional.of(new SnapshotSettings<>(stateType, stateVersion, policy, codec.mapper())));
    }

    /** The stream category, such as {@code book}. */
    public String category() {
        return category;
    }

    /** The entity's behaviour. */
    public Decider<C, S, E> decider() {
        return decider;
    }

    /** How its events are stored. */
    public EventCodec<E> codec() {
        return codec;
    }

    /** How it snapshots its state; empty when it takes no snapshots. */
    public Optional<SnapshotSettings<S>> snapshots() {
        return snapshots;
    }

    /** The stream of the entity with {@code id}: {@code category-id}. */
    public String stream(String id) {
        return StreamName.validate(category + "-" + requireNonNull(id, "id"));
    }

    /** A loader of this entity's state, now or in the past, from {@code reader}; it folds without snapshots. */
    public StateLoader<S, E> states(EventReader reader) {
        return new StateLoader<>(reader, decider, codec);
    }

    /**
     * A command handler over the deployment's store, with the default retry policy; when this type takes
     * snapshots, they are kept in the deployment's {@link SnapshotStore} (every database backend has one, so
     * switching backends changes only the store's location).
     *
     * @throws dev.annals.backend.UnsupportedCapabilityException when this type takes snapshots and the
     *                                                           deployment keeps none (a remote server)
     */
    public CommandHandler<C, S, E> handler(Deployment deployment) {
        return handler(deployment, RetryPolicy.defaults());
    }

    /** As {@link #handler(Deployment)}, retrying conflicts as {@code retry} says. */
    public CommandHandler<C, S, E> handler(Deployment deployment, RetryPolicy retry) {
        requireNonNull(deployment, "deployment");
        if (snapshots.isEmpty()) {
            return handler(deployment.store(), retry);
        }
        return handler(deployment.store(), deployment.require(SnapshotStore.class, "snapshot store"), retry);
    }

    /**
     * A command handler over {@code store}, with the default retry policy. It folds every stream from its start:
     * a snapshot policy set on this type needs a snapshot store ({@link #handler(EventStore, SnapshotStore)}).
     */
    public CommandHandler<C, S, E> handler(EventStore store) {
        return handler(store, RetryPolicy.defaults());
    }

    /** A command handler over {@code store}, with {@code retry}; without snapshots, as above. */
    public CommandHandler<C, S, E> handler(EventStore store, RetryPolicy retry) {
        return new CommandHandler<>(
                store, decider, codec, retry, new StateLoader<>(store, decider, codec), Optional.of(category));
    }

    /**
     * A command handler over {@code store} that loads states from the snapshots in {@code snapshotStore} and
     * saves new ones as this type's policy says; without a policy on this type, it takes none.
     */
    public CommandHandler<C, S, E> handler(EventStore store, SnapshotStore snapshotStore) {
        return handler(store, snapshotStore, RetryPolicy.defaults());
    }

    /** As {@link #handler(EventStore, SnapshotStore)}, retrying conflicts as {@code retry} says. */
    public CommandHandler<C, S, E> handler(EventStore store, SnapshotStore snapshotStore, RetryPolicy retry) {
        requireNonNull(snapshotStore, "snapshotStore");
        if (snapshots.isEmpty()) {
            return handler(store, retry);
        }
        var loader = new StateLoader<>(store, decider, codec, snapshots.get().in(snapshotStore));
        return new CommandHandler<>(store, decider, codec, retry, loader, Optional.of(category));
    }

    @Override
    public String toString() {
        return "EntityType[" + category + "]";
    }
}

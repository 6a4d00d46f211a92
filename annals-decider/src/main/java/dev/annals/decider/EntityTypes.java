package dev.annals.decider;

import dev.annals.store.EventReader;
import dev.annals.store.StreamName;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The entity types an application registers, by stream category, so that a tool given only a stream
 * name (the CLI's {@code annals state account-1 --at …}) can fold it with the right decider.
 *
 * <p>Immutable; a category is registered at most once.
 */
public final class EntityTypes {

    private final Map<String, EntityType<?, ?, ?>> byCategory;

    private EntityTypes(Map<String, EntityType<?, ?, ?>> byCategory) {
        this.byCategory = byCategory;
    }

    /**
     * A registry of {@code types}.
     *
     * @throws IllegalArgumentException when two types share a category
     */
    public static EntityTypes of(EntityType<?, ?, ?>... types) {
        var map = new LinkedHashMap<String, EntityType<?, ?, ?>>();
        for (var type : types) {
            requireNonNull(type, "type");
            if (map.putIfAbsent(type.category(), type) != null) {
                throw new IllegalArgumentException("category '" + type.category() + "' is registered twice");
            }
        }
        return new EntityTypes(Collections.unmodifiableMap(map));
    }

    /** The registered categories, in registration order. */
    public Set<String> categories() {
        return byCategory.keySet();
    }

    /** Every registered type, in registration order. */
    public List<EntityType<?, ?, ?>> types() {
        return List.copyOf(byCategory.values());
    }

    /** The type registered for {@code category}, if any. */
    public Optional<EntityType<?, ?, ?>> forCategory(String category) {
        return Optional.ofNullable(byCategory.get(requireNonNull(category, "category")));
    }

    /**
     * The type whose category {@code stream} is in.
     *
     * @throws UnknownEntityTypeException naming the stream, its category and the known categories
     */
    public EntityType<?, ?, ?> forStream(String stream) {
        String category = StreamName.categoryOf(StreamName.validate(stream));
        return forCategory(category).orElseThrow(() -> new UnknownEntityTypeException(stream, category, categories()));
    }

    /** The current state of {@code stream}, folded by its entity type. */
    public FoldedState<?> current(EventReader reader, String stream) {
        return forStream(stream).states(reader).current(stream);
    }

    /** {@code stream}'s state as of {@code instant}, folded by its entity type (see {@link StateLoader#stateAt}). */
    public FoldedState<?> stateAt(EventReader reader, String stream, Instant instant) {
        return forStream(stream).states(reader).stateAt(stream, instant);
    }

    /** {@code stream}'s state at {@code version}, folded by its entity type (see {@link StateLoader#stateAtVersion}). */
    public FoldedState<?> stateAtVersion(EventReader reader, String stream, long version) {
        return forStream(stream).states(reader).stateAtVersion(stream, version);
    }
}

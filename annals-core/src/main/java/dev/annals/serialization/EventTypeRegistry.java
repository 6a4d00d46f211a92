package dev.annals.serialization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The event types of one entity, declared explicitly: each record class with its stable name and
 * current schema version, and the upcasters that bring older stored versions up to date.
 *
 * <p>Nothing is scanned and no annotation is read: a type is known because a line of code registers
 * it, so renaming a Java class never changes what is stored. The registry is checked when it is built
 * (no name or class twice, no upcaster from a type's current version or later, and, when the base
 * type is sealed, every record it permits registered) and is immutable afterwards.
 *
 * @param <E> the entity's event type, usually a sealed interface
 */
public final class EventTypeRegistry<E> {

    private final Class<E> baseType;
    private final Map<Class<?>, EventType<E>> byClass;
    private final Map<String, EventType<E>> byName;
    private final Map<UpcastKey, Upcaster> upcasters;

    private EventTypeRegistry(Builder<E> builder) {
        this.baseType = builder.baseType;
        this.byClass = Map.copyOf(builder.byClass);
        this.byName = Map.copyOf(builder.byName);
        this.upcasters = Map.copyOf(builder.upcasters);
    }

    /** Starts a registry for the events under {@code baseType}. */
    public static <E> Builder<E> builder(Class<E> baseType) {
        return new Builder<>(requireNonNull(baseType, "baseType"));
    }

    /** The type every registered event implements. */
    public Class<E> baseType() {
        return baseType;
    }

    /**
     * The registration of {@code event}'s class.
     *
     * @throws IllegalArgumentException naming the class when it is not registered
     */
    public EventType<E> typeOf(E event) {
        requireNonNull(event, "event");
        var type = byClass.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("event class " + event.getClass().getName()
                    + " is not registered; known: " + byName.keySet());
        }
        return type;
    }

    /** The type registered under {@code name}, if any. */
    public Optional<EventType<E>> byName(String name) {
        return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
    }

    /** The upcaster that reads {@code type} at {@code schemaVersion}, if one is declared. */
    public Optional<Upcaster> upcasterFor(String type, int schemaVersion) {
        return Optional.ofNullable(upcasters.get(new UpcastKey(type, schemaVersion)));
    }

    /** Every registered type, in no particular order. */
    public List<EventType<E>> types() {
        return List.copyOf(byName.values());
    }

    private record UpcastKey(String type, int fromVersion) {
    }

    /** Collects registrations; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder<E> {

        private final Class<E> baseType;
        private final Map<Class<?>, EventType<E>> byClass = new LinkedHashMap<>();
        private final Map<String, EventType<E>> byName = new LinkedHashMap<>();
        private final Map<UpcastKey, Upcaster> upcasters = new HashMap<>();

        private Builder(Class<E> baseType) {
            this.baseType = baseType;
        }

        /**
         * Registers {@code javaType} under {@code name} at schema version {@code schemaVersion}.
         *
         * @throws IllegalArgumentException when the name or the class is already registered
         */
        public Builder<E> register(Class<? extends E> javaType, String name, int schemaVersion) {
            var type = new EventType<E>(javaType, name, schemaVersion);
            if (byClass.containsKey(javaType)) {
                throw new IllegalArgumentException(javaType.getName() + " is registered twice");
            }
            if (byName.containsKey(name)) {
                throw new IllegalArgumentException("type name '" + name + "' is registered twice, for "
                        + byName.get(name).javaType().getName() + " and " + javaType.getName());
            }
            byClass.put(javaType, type);
            byName.put(name, type);
            return this;
        }

        /** Registers {@code javaType} under {@code name} at schema version 1. */
        public Builder<E> register(Class<? extends E> javaType, String name) {
            return register(javaType, name, 1);
        }

        /**
         * Declares the upcaster that reads {@code type} stored at {@code fromVersion}. The type name may
         * be one that is no longer registered (a retired type that now splits into others).
         */
        public Builder<E> upcast(String type, int fromVersion, Upcaster upcaster) {
            requireNonNull(type, "type");
            requireNonNull(upcaster, "upcaster");
            if (fromVersion < 1) {
                throw new IllegalArgumentException("an upcaster reads version 1 or more, was " + fromVersion);
            }
            if (upcasters.putIfAbsent(new UpcastKey(type, fromVersion), upcaster) != null) {
                throw new IllegalArgumentException("two upcasters read '" + type + "' v" + fromVersion);
            }
            return this;
        }

        /**
         * Checks the registrations and freezes them.
         *
         * @throws IllegalStateException naming the problem: an upcaster from a current version or later,
         *                               or a record of a sealed base type left unregistered
         */
        public EventTypeRegistry<E> build() {
            for (var key : upcasters.keySet()) {
                var type = byName.get(key.type());
                if (type != null && key.fromVersion() >= type.schemaVersion()) {
                    throw new IllegalStateException("an upcaster reads '" + key.type() + "' v" + key.fromVersion()
                            + " but v" + type.schemaVersion() + " is the current version");
                }
            }
            var missing = permittedRecords(baseType).stream()
                    .filter(record -> !byClass.containsKey(record))
                    .map(Class::getName)
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("events of " + baseType.getName() + " not registered: " + missing);
            }
            return new EventTypeRegistry<>(this);
        }

        private static List<Class<?>> permittedRecords(Class<?> type) {
            if (type.isRecord()) {
                return List.of(type);
            }
            if (!type.isSealed()) {
                return List.of();
            }
            return Arrays.stream(type.getPermittedSubclasses())
                    .flatMap(sub -> permittedRecords(sub).stream())
                    .toList();
        }
    }
}

package dev.annals.serialization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Collects the registrations of an {@link EventTypeRegistry}; {@link #build()} checks them and freezes
 * them. Start one with {@link EventTypeRegistry#builder(Class)}. Not thread-safe.
 *
 * @param <E> the entity's event type
 */
public final class EventTypeRegistryBuilder<E> {

    private final Class<E> baseType;
    private final Map<Class<?>, EventType<E>> byClass = new LinkedHashMap<>();
    private final Map<String, EventType<E>> byName = new LinkedHashMap<>();
    private final Map<UpcastKey, Upcaster> upcasters = new HashMap<>();

    EventTypeRegistryBuilder(Class<E> baseType) {
        this.baseType = baseType;
    }

    /**
     * Registers {@code javaType} under {@code name} at schema version {@code schemaVersion}.
     *
     * @throws IllegalArgumentException when the name or the class is already registered
     */
    public EventTypeRegistryBuilder<E> register(Class<? extends E> javaType, String name, int schemaVersion) {
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
    public EventTypeRegistryBuilder<E> register(Class<? extends E> javaType, String name) {
        return register(javaType, name, 1);
    }

    /**
     * Declares the upcaster that reads {@code type} stored at {@code fromVersion}. The type name may
     * be one that is no longer registered (a retired type that now splits into others).
     */
    public EventTypeRegistryBuilder<E> upcast(String type, int fromVersion, Upcaster upcaster) {
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
        return new EventTypeRegistry<>(baseType, byClass, byName, upcasters);
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

package dev.annals.serialization;

import dev.annals.erasure.PersonalData;
import java.util.ArrayList;
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
    private final Map<String, PersonalData> personalData = new HashMap<>();

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
     * Registers every record the sealed base type permits that is not registered yet (or the base type itself,
     * when it is a record: an entity with one kind of event), under its simple name at schema version 1; call it
     * after the registrations that name a type otherwise.
     *
     * @throws IllegalArgumentException when the base type is neither sealed nor a record, or a simple name is
     *                                  already taken (two nested records called alike: register one by hand)
     */
    public EventTypeRegistryBuilder<E> registerPermitted() {
        if (!baseType.isSealed() && !baseType.isRecord()) {
            throw new IllegalArgumentException(baseType.getName() + " is neither a sealed interface nor a record,"
                    + " so it names no event records: register each with register(...)");
        }
        for (Class<?> record : permittedRecords(baseType)) {
            if (!byClass.containsKey(record)) {
                register(record.asSubclass(baseType), record.getSimpleName());
            }
        }
        return this;
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
     * Declares that the properties {@code fields} of the type named {@code type} are personal data of the
     * subject whose id is in property {@code subjectField}: an {@link EventCodec} made with a key store
     * encrypts them with that subject's key, and they read as erased once the subject is forgotten
     * (docs/erasure.md). Checked by {@link #build()}: the type is registered, its record has every named
     * component, and the personal ones are not primitives (they must be able to read as erased).
     *
     * @throws IllegalArgumentException when the type already has a declaration, or the fields are invalid
     */
    public EventTypeRegistryBuilder<E> personalData(String type, String subjectField, String... fields) {
        requireNonNull(type, "type");
        var declared = new PersonalData(subjectField, List.of(fields));
        if (personalData.putIfAbsent(type, declared) != null) {
            throw new IllegalArgumentException("personal data of '" + type + "' is declared twice");
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
        personalData.forEach(this::checkPersonalData);
        return new EventTypeRegistry<>(baseType, byClass, byName, upcasters, personalData);
    }

    private void checkPersonalData(String type, PersonalData declared) {
        var registered = byName.get(type);
        if (registered == null) {
            throw new IllegalStateException("personal data is declared for '" + type + "', which is not registered");
        }
        if (!registered.javaType().isRecord()) {
            throw new IllegalStateException("personal data is declared for '" + type + "', whose class "
                    + registered.javaType().getName() + " is not a record");
        }
        var components = new HashMap<String, Class<?>>();
        for (var component : registered.javaType().getRecordComponents()) {
            components.put(component.getName(), component.getType());
        }
        var named = new ArrayList<>(declared.fields());
        named.add(declared.subjectField());
        for (String field : named) {
            if (!components.containsKey(field)) {
                throw new IllegalStateException("personal data of '" + type + "' names '" + field + "', which "
                        + registered.javaType().getSimpleName() + " does not have; it has " + components.keySet());
            }
        }
        for (String field : declared.fields()) {
            if (components.get(field).isPrimitive()) {
                throw new IllegalStateException("personal data '" + field + "' of '" + type + "' is a primitive "
                        + components.get(field) + ", which cannot read as erased; use its wrapper or text");
            }
        }
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

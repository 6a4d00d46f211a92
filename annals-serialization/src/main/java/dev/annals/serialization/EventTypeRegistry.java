package dev.annals.serialization;

import dev.annals.erasure.PersonalData;
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
    private final Map<String, PersonalData> personalData;

    EventTypeRegistry(
            Class<E> baseType,
            Map<Class<?>, EventType<E>> byClass,
            Map<String, EventType<E>> byName,
            Map<UpcastKey, Upcaster> upcasters,
            Map<String, PersonalData> personalData) {
        this.baseType = baseType;
        this.byClass = Map.copyOf(byClass);
        this.byName = Map.copyOf(byName);
        this.upcasters = Map.copyOf(upcasters);
        this.personalData = Map.copyOf(personalData);
    }

    /**
     * The registry of every record {@code sealedType} permits (directly or through sealed sub-interfaces), each
     * under its simple name at schema version 1: {@code EventTypeRegistry.of(BookEvent.class)} stores
     * {@code BookEvent.BookLent} as {@code "BookLent"}. Nothing is scanned: the permitted records are the ones
     * the interface's {@code permits} clause (or its file) names. To give a type another name or version, or to
     * add upcasters, use {@link #builder(Class)}, register those, then {@link EventTypeRegistryBuilder#registerPermitted()}.
     *
     * @throws IllegalArgumentException when {@code sealedType} is neither sealed nor a record, or two records share
     *                                  a simple name
     */
    public static <E> EventTypeRegistry<E> of(Class<E> sealedType) {
        return builder(sealedType).registerPermitted().build();
    }

    /** Starts a registry for the events under {@code baseType}. */
    public static <E> EventTypeRegistryBuilder<E> builder(Class<E> baseType) {
        return new EventTypeRegistryBuilder<>(requireNonNull(baseType, "baseType"));
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
            throw new IllegalArgumentException(
                    "event class " + event.getClass().getName() + " is not registered; known: " + byName.keySet());
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

    /** The personal data declared for the type named {@code type}, if any (see docs/erasure.md). */
    public Optional<PersonalData> personalData(String type) {
        return Optional.ofNullable(personalData.get(requireNonNull(type, "type")));
    }

    /** True when some type declares personal data, so that a codec needs a key store. */
    public boolean hasPersonalData() {
        return !personalData.isEmpty();
    }

    /** Every registered type, in no particular order. */
    public List<EventType<E>> types() {
        return List.copyOf(byName.values());
    }
}

package dev.annals.serialization;

import static java.util.Objects.requireNonNull;

/**
 * One registered event type: the Java record that holds it in memory, the stable name it is stored
 * under, and the schema version that record reads and writes.
 *
 * <p>The name, not the Java class, is what the store keeps; renaming the class only changes the
 * registration line. The schema version is the current one: events stored at an older version are
 * brought up to it by upcasters before Jackson reads them.
 *
 * @param javaType      the record class
 * @param name          the stable type name, such as {@code Deposited}; non-blank
 * @param schemaVersion the current schema version, 1 or more
 * @param <E>           the entity's event type (a sealed interface)
 */
public record EventType<E>(Class<? extends E> javaType, String name, int schemaVersion) {

    public EventType {
        requireNonNull(javaType, "javaType");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the type name of " + javaType.getName() + " must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException(
                    "the schema version of '" + name + "' must be 1 or more, was " + schemaVersion);
        }
    }
}

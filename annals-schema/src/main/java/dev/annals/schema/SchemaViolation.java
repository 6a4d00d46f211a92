package dev.annals.schema;

import static java.util.Objects.requireNonNull;

/**
 * One reason {@link SchemaCheck} fails: the type and version concerned and what is wrong with it.
 *
 * @param type    the type name
 * @param version the schema version concerned
 * @param problem one line for people, such as {@code field 'amount' was removed or renamed}
 */
public record SchemaViolation(String type, int version, String problem) {

    public SchemaViolation {
        requireNonNull(type, "type");
        requireNonNull(problem, "problem");
    }

    /** {@code Deposited v2: field 'amount' was removed or renamed}. */
    public String describe() {
        return type + " v" + version + ": " + problem;
    }
}

package dev.annals.schema;

import static java.util.Objects.requireNonNull;

/**
 * A change between a registered schema and the code's schema of the same type and version that makes
 * stored events unreadable (or wrongly read) by the code. A renamed field shows as a removed field plus
 * a new field, since a schema cannot tell a rename from a replacement.
 */
public sealed interface SchemaChange {

    /** The field path, dotted for nested records: {@code amount}, {@code address.city}. */
    String field();

    /** One line for people: {@code field 'amount' was removed or renamed}. */
    String describe();

    /** A field that stored events have is gone from the code (removed, or renamed). */
    record RemovedField(String field) implements SchemaChange {
        public RemovedField {
            requireNonNull(field, "field");
        }

        @Override
        public String describe() {
            return "field '" + field + "' was removed or renamed";
        }
    }

    /** A field's JSON type differs: stored events hold one type, the code reads another. */
    record ChangedType(String field, String registered, String current) implements SchemaChange {
        public ChangedType {
            requireNonNull(field, "field");
            requireNonNull(registered, "registered");
            requireNonNull(current, "current");
        }

        @Override
        public String describe() {
            return "field '" + field + "' changed type from " + registered + " to " + current;
        }
    }

    /** The code requires a field that stored events do not have. */
    record NewRequiredField(String field) implements SchemaChange {
        public NewRequiredField {
            requireNonNull(field, "field");
        }

        @Override
        public String describe() {
            return "new required field '" + field + "' (stored events lack it)";
        }
    }
}

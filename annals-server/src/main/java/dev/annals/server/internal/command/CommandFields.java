package dev.annals.server.internal.command;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The fields of a command's body and the JSON form each takes, in words for error messages. */
final class CommandFields {

    private static final Set<Class<?>> WHOLE = Set.of(
            long.class,
            int.class,
            short.class,
            byte.class,
            Long.class,
            Integer.class,
            Short.class,
            Byte.class,
            BigInteger.class);
    private static final Set<Class<?>> DECIMAL =
            Set.of(double.class, float.class, Double.class, Float.class, BigDecimal.class);

    private CommandFields() {}

    /** Such as {@code amount (a whole number), note (a string)}; empty for a type without record components. */
    static String describe(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return "";
        }
        return Arrays.stream(components)
                .map(component -> component.getName() + " (" + form(component.getType()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The form of field {@code name} of record {@code type}, or a general phrase when it is no component. */
    static String formOf(Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        if (components != null) {
            for (RecordComponent component : components) {
                if (component.getName().equals(name)) {
                    return form(component.getType());
                }
            }
        }
        return "a value of the field's form";
    }

    /** How a value of {@code type} is written in JSON, in words. */
    static String form(Class<?> type) {
        if (type == char.class || type == Character.class) {
            return "a string of one character";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> "\"" + constant + "\"")
                            .collect(Collectors.joining(", "));
        }
        return switch (jsonType(type)) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "an array";
            case "object" -> "an object";
            default -> "a string";
        };
    }

    /**
     * The JSON type of each field of record {@code type}, by name, in order: {@code integer}, {@code number},
     * {@code boolean}, {@code string}, {@code array} or {@code object}. What a form needs to send a field
     * as the value the strict decoder accepts.
     */
    static Map<String, String> jsonTypes(Class<?> type) {
        var types = new java.util.LinkedHashMap<String, String>();
        RecordComponent[] components = type.getRecordComponents();
        if (components != null) {
            for (RecordComponent component : components) {
                types.put(component.getName(), jsonType(component.getType()));
            }
        }
        return types;
    }

    private static String jsonType(Class<?> type) {
        if (WHOLE.contains(type)) {
            return "integer";
        }
        if (DECIMAL.contains(type)) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return "string";
    }
}

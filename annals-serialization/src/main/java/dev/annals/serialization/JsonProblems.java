package dev.annals.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Jackson's failures in words for people: the field, what it takes and what it was given, without Jackson's
 * class names, feature names, backquotes or source locations, and without the Java classes of the domain.
 */
final class JsonProblems {

    private JsonProblems() {}

    /** What was wrong, in one line. */
    static String describe(Exception e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String value = mismatch instanceof InvalidFormatException invalid
                    ? ", was " + (invalid.getValue() instanceof String text ? "\"" + text + "\"" : invalid.getValue())
                    : "";
            return field(mismatch) + "expected " + expected(mismatch.getTargetType()) + value;
        }
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return field(e)
                + (message == null
                        ? "malformed"
                        : message.replace('`', '\'')
                                .replaceAll(" \\(for [^)]*\\)", "")
                                .replaceAll("(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)(?:\\$(\\w+))+", "$2")
                                .replaceAll("(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1"));
    }

    private static String field(Exception e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        return "field '"
                + mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? reference.getFieldName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                + "': ";
    }

    private static String expected(Class<?> type) {
        if (type == long.class
                || type == int.class
                || type == short.class
                || type == byte.class
                || type == Long.class
                || type == Integer.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == float.class
                || type == Double.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}

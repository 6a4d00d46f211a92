package dev.annals.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a payload against a registered schema, for the subset of JSON Schema the generator writes:
 * {@code type}, {@code properties}, {@code required}, {@code items}, {@code enum}. Unknown properties are
 * allowed, as the codec ignores them.
 */
final class PayloadValidation {

    private PayloadValidation() {}

    /** What is wrong with {@code payload} against {@code schema}, one line each; empty when it fits. */
    static List<String> problems(JsonNode schema, JsonNode payload) {
        var problems = new ArrayList<String>();
        check("", schema, payload, problems);
        return List.copyOf(problems);
    }

    private static void check(String path, JsonNode schema, JsonNode value, List<String> problems) {
        String type = schema.path("type").asText("any");
        String where = path.isEmpty() ? "the payload" : "field '" + path + "'";
        if (!fits(type, value)) {
            problems.add(where + " should be " + type + ", was "
                    + value.getNodeType().name().toLowerCase());
            return;
        }
        if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) {
            problems.add(where + " is not one of " + schema.get("enum"));
        }
        if (type.equals("object")) {
            schema.path("required").forEach(required -> {
                if (!value.has(required.asText())) {
                    problems.add("required field '" + join(path, required.asText()) + "' is missing");
                }
            });
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())
                        && !value.get(property.getKey()).isNull()) {
                    check(join(path, property.getKey()), property.getValue(), value.get(property.getKey()), problems);
                }
            });
        }
        if (type.equals("array") && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", schema.get("items"), value.get(i), problems);
            }
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

package dev.annals.server.internal.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.annals.server.command.RegisteredCommand;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.StrictJson;
import dev.annals.server.internal.json.ApiJson;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decodes a command's JSON body strictly: no unknown, missing or null fields, and no coercion between
 * kinds of value ({@code 5.5} is not a whole number, {@code "5"} is not a number, {@code 5} is not a
 * string). A refusal names the field and the form it takes, never a Java class or a Jackson setting.
 */
final class CommandDecoder {

    private static final JsonMapper STRICT = ApiJson.MAPPER
            .rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(
                    LogicalType.Textual,
                    config -> failFrom(
                            config, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(
                    LogicalType.Integer,
                    config -> failFrom(
                            config,
                            CoercionInputShape.String,
                            CoercionInputShape.EmptyString,
                            CoercionInputShape.Float,
                            CoercionInputShape.Boolean))
            .withCoercionConfig(
                    LogicalType.Float,
                    config -> failFrom(
                            config,
                            CoercionInputShape.String,
                            CoercionInputShape.EmptyString,
                            CoercionInputShape.Boolean))
            .withCoercionConfig(
                    LogicalType.Boolean,
                    config -> failFrom(
                            config,
                            CoercionInputShape.String,
                            CoercionInputShape.EmptyString,
                            CoercionInputShape.Integer,
                            CoercionInputShape.Float))
            .build();

    private static void failFrom(
            com.fasterxml.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    <C> C decode(RegisteredCommand<C> command, byte[] body) {
        JsonNode tree = StrictJson.readTree(body, "the body of command '" + command.name() + "'");
        if (tree == null) {
            // No body at all: a command without fields needs none.
            tree = ApiJson.MAPPER.createObjectNode();
        }
        if (!tree.isObject()) {
            // Jackson would bind a JSON null to a null command, which no handler expects.
            throw refusal(command, "takes a JSON object of its fields, not " + shown(tree), "");
        }
        try {
            return STRICT.readerFor(command.type()).readValue(tree);
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("command '" + command.name() + "' has a type that cannot be decoded", e);
        } catch (JsonMappingException e) {
            throw refusal(command, tree, e);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed request body could not be read", e);
        }
    }

    private static ApiException refusal(RegisteredCommand<?> command, JsonNode tree, JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() == null ? "[" + reference.getIndex() + "]" : reference.getFieldName())
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String problem;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            problem = "has no field '" + field + "'";
        } else if (e instanceof ValueInstantiationException
                && e.getCause() != null
                && e.getCause().getMessage() != null) {
            // The command's own constructor refused the values: its message is the domain's, not Jackson's.
            problem = "is refused: " + e.getCause().getMessage();
        } else if (field.isEmpty()) {
            problem = "takes a JSON object of its fields";
        } else {
            JsonNode value = tree.at(pointer(e));
            if (value.isMissingNode()) {
                problem = "needs field '" + field + "'";
            } else {
                Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
                String form = target != null && target != command.type()
                        ? CommandFields.form(target)
                        : CommandFields.formOf(command.type(), field);
                problem = "needs field '" + field + "' to be " + form + ", but it was " + shown(value);
            }
        }
        return refusal(command, problem, field);
    }

    private static ApiException refusal(RegisteredCommand<?> command, String problem, String field) {
        String fields = CommandFields.describe(command.type());
        return ApiException.invalid(
                "invalid_command",
                "command '" + command.name() + "' " + problem
                        + (fields.isEmpty() ? "; it takes no fields" : "; its fields are " + fields),
                Map.of("command", command.name(), "field", field));
    }

    private static com.fasterxml.jackson.core.JsonPointer pointer(JsonMappingException e) {
        var pointer = new StringBuilder();
        for (var reference : e.getPath()) {
            pointer.append('/')
                    .append(
                            reference.getFieldName() == null
                                    ? String.valueOf(reference.getIndex())
                                    : reference
                                            .getFieldName()
                                            .replace("~", "~0")
                                            .replace("/", "~1"));
        }
        return com.fasterxml.jackson.core.JsonPointer.compile(pointer.toString());
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}

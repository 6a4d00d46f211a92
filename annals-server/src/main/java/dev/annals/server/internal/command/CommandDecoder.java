package dev.annals.server.internal.command;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.annals.server.command.RegisteredCommand;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Decodes a command's JSON body strictly: no unknown, missing or null fields. */
final class CommandDecoder {

    private final ObjectReader reader = ApiJson.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    <C> C decode(RegisteredCommand<C> command, byte[] body) {
        byte[] json = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        try {
            return reader.forType(command.type()).readValue(json);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() == null
                    ? "[" + reference.getIndex() + "]" : reference.getFieldName()).collect(Collectors.joining("."));
            String cause = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw ApiException.invalid("invalid_command", "the body of command '" + command.name() + "' is invalid"
                    + (field.isEmpty() ? "" : " at '" + field + "'") + ": " + cause + "; its fields are "
                    + command.fields(), Map.of("command", command.name(), "field", field));
        } catch (JacksonException e) {
            throw ApiException.invalid("invalid_json", "the body of command '" + command.name()
                    + "' is not JSON: " + e.getOriginalMessage(), Map.of("command", command.name()));
        } catch (IOException e) {
            throw new IllegalStateException("a request body in memory could not be read", e);
        }
    }
}

package dev.annals.server.internal.input;

import dev.annals.server.internal.json.ApiJson;
import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route sees them (a request line or a path it cannot parse, such as
 * {@code /streams/%2}) answer with the API's JSON error body instead of Jetty's HTML page.
 */
public final class BadMessages extends ErrorHandler {

    private BadMessages() {}

    /** Makes Jetty's refusals of unparsable requests answer in JSON. */
    public static void configure(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new BadMessages()));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return super.badMessageError(status, reason, fields);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("error", status == 400 ? "malformed_request" : "http_" + status);
        body.put(
                "message",
                "the request could not be parsed (" + (reason == null ? HttpStatus.getMessage(status) : reason)
                        + "): check the request line, the URL's percent-escapes ('%' then two hex digits)"
                        + " and the headers");
        body.put("details", Map.of());
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        try {
            return ByteBuffer.wrap(ApiJson.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ByteBuffer.wrap(("{\"error\":\"malformed_request\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}

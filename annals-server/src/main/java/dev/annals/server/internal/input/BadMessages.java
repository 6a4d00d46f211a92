package dev.annals.server.internal.input;

import dev.annals.server.internal.json.ApiJson;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route sees them answer with the API's JSON error body instead of
 * Jetty's HTML page: a request line or a path it cannot parse (such as {@code /streams/%2}), and whatever
 * the servlet layer refuses itself (such as the request target {@code *}), whose page names Jetty's
 * servlet. The server and its servlet context both use this handler, so no refusal renders HTML.
 */
public final class BadMessages extends ErrorHandler {

    private BadMessages() {}

    /** Makes Jetty's refusals, at the connection and in the servlet context, answer in JSON. */
    public static void configure(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new BadMessages()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new BadMessages()));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return super.badMessageError(status, reason, fields);
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    /** Every method gets the JSON body; Jetty's default writes one only for GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        if (HttpStatus.hasNoBody(code)) {
            return;
        }
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, null));
    }

    /** The API's error body; Jetty's own message is left out, since it may name Jetty's internals. */
    private static byte[] body(int status, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", status == 400 ? "malformed_request" : "http_" + status);
        body.put(
                "message",
                "the request could not be parsed (" + (reason == null ? HttpStatus.getMessage(status) : reason)
                        + "): check the request line, the URL's percent-escapes ('%' then two hex digits)"
                        + " and the headers");
        body.put("details", Map.of());
        try {
            return ApiJson.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"error\":\"malformed_request\"}".getBytes(StandardCharsets.UTF_8);
        }
    }
}

package dev.annals.server.internal.error;

import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.DuplicateEventIdException;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.EventTooLargeException;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.InvalidEventException;
import dev.annals.store.InvalidStreamNameException;
import dev.annals.store.InvalidTruncationException;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamNotFoundException;
import dev.annals.store.WrongExpectedVersionException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure of a request into a JSON error body with the right status. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** Registers the exception handlers on {@code app}. */
    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        app.exception(
                WrongExpectedVersionException.class,
                (e, ctx) -> write(
                        ctx,
                        new ApiException(
                                409,
                                "wrong_expected_version",
                                e.getMessage(),
                                Map.of(
                                        "stream",
                                        e.stream(),
                                        "expectedVersion",
                                        e.expected().toString(),
                                        "actualVersion",
                                        e.actualVersion()))));
        app.exception(InvalidAppendException.class, (e, ctx) -> write(ctx, fromInvalidAppend(e)));
        app.exception(
                StreamNotFoundException.class,
                (e, ctx) -> write(
                        ctx, new ApiException(404, "stream_not_found", e.getMessage(), Map.of("stream", e.stream()))));
        app.exception(
                InvalidTruncationException.class,
                (e, ctx) -> write(
                        ctx,
                        ApiException.invalid(
                                "invalid_truncation",
                                e.getMessage(),
                                Map.of(
                                        "stream",
                                        e.stream(),
                                        "beforeVersion",
                                        e.beforeVersion(),
                                        "lastVersion",
                                        e.lastVersion()))));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        app.exception(StoreUnavailableException.class, (e, ctx) -> write(ctx, StoreFaults.unavailable(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> write(ctx, StoreFaults.internal(e, ctx)));
    }

    private static ApiException fromInvalidAppend(InvalidAppendException e) {
        return switch (e) {
            case EventTooLargeException tooLarge ->
                new ApiException(
                        413,
                        "event_too_large",
                        e.getMessage(),
                        Map.of(
                                "eventId",
                                tooLarge.eventId().toString(),
                                "size",
                                tooLarge.size(),
                                "limit",
                                tooLarge.limit()));
            case InvalidStreamNameException name ->
                ApiException.invalid(
                        "invalid_stream_name",
                        e.getMessage(),
                        Map.of("stream", name.streamName(), "reason", name.reason()));
            case DuplicateEventIdException duplicate ->
                ApiException.invalid(
                        "duplicate_event_id",
                        e.getMessage(),
                        Map.of("eventId", duplicate.eventId().toString()));
            case StreamDeletedException deleted ->
                new ApiException(410, "stream_deleted", e.getMessage(), Map.of("stream", deleted.stream()));
            case InvalidEventException event ->
                ApiException.invalid(
                        "invalid_event",
                        e.getMessage(),
                        Map.of(
                                "stream",
                                event.stream(),
                                "eventId",
                                event.eventId().toString(),
                                "field",
                                event.field(),
                                "reason",
                                event.reason()));
            case EventIdConflictException conflict ->
                new ApiException(
                        409,
                        "event_id_conflict",
                        e.getMessage(),
                        Map.of("eventId", conflict.eventId().toString(), "reason", conflict.reason()));
            default -> ApiException.invalid("invalid_append", e.getMessage(), Map.of());
        };
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        return switch (status) {
            case 404 ->
                new ApiException(
                        404,
                        "route_not_found",
                        "no route for " + ctx.method() + " " + ctx.path(),
                        Map.of("method", ctx.method().name(), "path", ctx.path()));
            case 405 ->
                new ApiException(
                        405,
                        "method_not_allowed",
                        ctx.method() + " is not allowed on " + ctx.path(),
                        Map.of("method", ctx.method().name(), "path", ctx.path()));
            case 413 ->
                new ApiException(413, "body_too_large", "the request body is larger than the server accepts", Map.of());
            default -> new ApiException(status, "http_" + status, e.getMessage(), Map.of());
        };
    }

    /** Writes {@code e} as the response. */
    public static void write(Context ctx, ApiException e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        body.put("details", e.details());
        ctx.status(e.status()).contentType("application/json").result(json(body));
    }

    private static String json(Object body) {
        try {
            return ApiJson.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written as JSON", e);
        }
    }
}

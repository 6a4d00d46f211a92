package dev.annals.server.internal.error;

import dev.annals.store.StoreUnavailableException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers for failures that are the server's or its storage's, not the request's: stable error codes and
 * messages without internals (no file path, schema, SQL or class name), and the details in the server's
 * log under a request id that the answer repeats ({@code X-Request-Id}, and {@code details.requestId}).
 *
 * <ul>
 *     <li>a full disk: {@code 507 insufficient_storage};</li>
 *     <li>any other storage fault (read-only storage, an I/O error, the database unreachable):
 *     {@code 503 store_unavailable} with {@code Retry-After};</li>
 *     <li>anything else: {@code 500 internal_error}.</li>
 * </ul>
 */
final class StoreFaults {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFaults.class);
    /** Seconds a client should wait before retrying while the store cannot write. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String REQUEST_ID = "X-Request-Id";

    private StoreFaults() {}

    static ApiException unavailable(StoreUnavailableException e, Context ctx) {
        String requestId = requestId(ctx);
        LOG.warn(
                "request {} {} {} failed: {} ({})", requestId, ctx.method(), ctx.path(), e.reason(), e.getMessage(), e);
        var details = Map.<String, Object>of(
                "reason", e.reason().name().toLowerCase(java.util.Locale.ROOT), "requestId", requestId);
        if (e.reason() == StoreUnavailableException.Reason.DISK_FULL) {
            return new ApiException(507, "insufficient_storage", e.getMessage(), details);
        }
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return new ApiException(503, "store_unavailable", e.getMessage(), details);
    }

    static ApiException internal(Exception e, Context ctx) {
        String requestId = requestId(ctx);
        LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        return new ApiException(
                500,
                "internal_error",
                "the server failed to answer this request; the details are" + " in the server's log under request id "
                        + requestId,
                Map.of("requestId", requestId));
    }

    /** The caller's request id when it sent a plain one, else a new one; echoed in the answer. */
    private static String requestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given != null && given.matches("[A-Za-z0-9._:-]{1,64}")
                ? given
                : UUID.randomUUID().toString();
        ctx.header(REQUEST_ID, id);
        return id;
    }
}

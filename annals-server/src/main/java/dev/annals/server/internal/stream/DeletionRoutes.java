package dev.annals.server.internal.stream;

import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.DeletionMode;
import dev.annals.store.EventStore;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Deleting and truncating streams: {@code DELETE /streams/{stream}?mode=soft|hard} and
 * {@code POST /streams/{stream}/truncate?before=VERSION}, with the store's {@link StreamDeletion} semantics.
 * Both need the admin role for the stream: they hide history from every reader of the stream.
 */
public final class DeletionRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionRoutes.class);

    private final EventStore store;
    private final Guard guard;

    public DeletionRoutes(EventStore store, Guard guard) {
        this.store = requireNonNull(store, "store");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.delete("/streams/{stream}", this::delete);
        app.post("/streams/{stream}/truncate", this::truncate);
    }

    private void delete(Context ctx) {
        String stream = allowed(ctx);
        DeletionMode mode = mode(ctx.queryParamAsClass("mode", String.class).getOrDefault("soft"));
        var result = deletion().deleteStream(stream, mode);
        LOG.info(
                "deleted stream {} ({}): last version {}, {} events hidden",
                stream,
                mode,
                result.lastVersion(),
                result.eventsHidden());
        answer(ctx, result);
    }

    private void truncate(Context ctx) {
        String stream = allowed(ctx);
        // Any number: the store says why a negative or too large one is refused, naming the stream's last version.
        long before = QueryParams.number(ctx, "before", Long.MIN_VALUE, Long.MAX_VALUE)
                .orElseThrow(() -> ApiException.invalid(
                        "invalid_parameter",
                        "before is required: the first version to keep readable",
                        Map.of("parameter", "before")));
        var result = deletion().truncateStream(stream, before);
        LOG.info("truncated stream {} before version {}: {} events hidden", stream, before, result.eventsHidden());
        answer(ctx, result);
    }

    private String allowed(Context ctx) {
        String stream = ctx.pathParam("stream");
        StreamName.validate(stream);
        guard.require(ctx, Permission.ADMIN, stream);
        return stream;
    }

    private StreamDeletion deletion() {
        return store.capability(StreamDeletion.class)
                .orElseThrow(() -> new ApiException(
                        501, "not_supported", "this server's store cannot delete or truncate streams", Map.of()));
    }

    private static DeletionMode mode(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "soft" -> DeletionMode.SOFT;
            case "hard" -> DeletionMode.HARD;
            default ->
                throw ApiException.invalid(
                        "invalid_parameter",
                        "mode must be soft or hard, was '" + text + "'",
                        Map.of("parameter", "mode", "value", text));
        };
    }

    private static void answer(Context ctx, StreamDeletionResult result) {
        var node = ApiJson.MAPPER.createObjectNode();
        node.put("stream", result.stream());
        node.put("lastVersion", result.lastVersion());
        node.put("firstReadableVersion", result.firstReadableVersion());
        node.put("eventsHidden", result.eventsHidden());
        ctx.contentType("application/json").result(node.toString());
    }
}

package dev.annals.server.internal.stream;

import dev.annals.event.RecordedEvent;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.AppendResult;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** The stream routes: append, read a stream or virtual stream a page at a time, list streams. */
public final class StreamRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRoutes.class);
    /** The most events or streams one page returns. */
    public static final long MAX_PAGE = 1000;

    private static final long DEFAULT_PAGE = 100;

    private final EventStore store;
    private final Guard guard;

    public StreamRoutes(EventStore store, Guard guard) {
        this.store = requireNonNull(store, "store");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the routes on {@code app}. */
    public void install(Javalin app) {
        app.post("/streams/{stream}", this::append);
        app.get("/streams/{stream}", this::read);
        app.get("/streams", this::list);
    }

    private void append(Context ctx) {
        String stream = ctx.pathParam("stream");
        StreamName.validate(stream);
        guard.require(ctx, Permission.WRITE, stream);
        AppendBody body = AppendBody.parse(ctx.bodyAsBytes());
        AppendResult result = store.append(stream, body.expected(), body.events());
        LOG.debug(
                "appended {} events to stream {} (first event id {}): version {}, position {}",
                body.events().size(),
                stream,
                body.events().getFirst().eventId(),
                result.streamVersion(),
                result.position());
        var node = ApiJson.MAPPER.createObjectNode();
        node.put("stream", stream);
        node.put("streamVersion", result.streamVersion());
        node.put("position", result.position());
        ctx.contentType("application/json").result(node.toString());
    }

    private void read(Context ctx) {
        String name = ctx.pathParam("stream");
        ReadSource source = ReadSource.parse(name);
        guard.require(ctx, Permission.READ, name);
        Direction direction = QueryParams.direction(ctx);
        long from = QueryParams.number(ctx, "from", 0, Long.MAX_VALUE)
                .orElse(direction == Direction.FORWARD ? ReadRequest.START : ReadRequest.END);
        long limit = QueryParams.number(ctx, "limit", 1, MAX_PAGE).orElse(DEFAULT_PAGE);
        List<RecordedEvent> page;
        // One more than asked tells whether a next page exists without a second read.
        page = VisiblePage.read(store, new ReadRequest(source, direction, from, limit + 1), guard.caller(ctx));
        if (page.isEmpty() && source instanceof ReadSource.StreamOf(String stream) && !exists(stream)) {
            throw new ApiException(
                    404, "stream_not_found", "stream '" + stream + "' does not exist", Map.of("stream", stream));
        }
        var node = ApiJson.MAPPER.createObjectNode();
        node.put("stream", name);
        node.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
        if (from != ReadRequest.END) {
            // The end is Long.MAX_VALUE, which a JavaScript number cannot hold: an absent "from" means the end.
            node.put("from", from);
        }
        var events = node.putArray("events");
        page.stream().limit(limit).forEach(event -> events.add(ApiJson.event(event)));
        if (page.size() > limit) {
            RecordedEvent next = page.getLast();
            node.put("next", source.byVersion() ? next.streamVersion() : next.position());
        } else {
            node.putNull("next");
        }
        node.put("headPosition", store.headPosition());
        ctx.contentType("application/json").result(node.toString());
    }

    private boolean exists(String stream) {
        try (var last =
                store.read(new ReadRequest(new ReadSource.StreamOf(stream), Direction.BACKWARD, ReadRequest.END, 1))) {
            return last.findAny().isPresent();
        }
    }

    private void list(Context ctx) {
        String prefix = ctx.queryParamAsClass("prefix", String.class).getOrDefault("");
        guard.require(ctx, Permission.READ, prefix);
        long offset = QueryParams.number(ctx, "offset", 0, Long.MAX_VALUE).orElse(0);
        long limit = QueryParams.number(ctx, "limit", 1, MAX_PAGE).orElse(DEFAULT_PAGE);
        var node = ApiJson.MAPPER.createObjectNode();
        var streams = node.putArray("streams");
        List<dev.annals.store.StreamInfo> page;
        try (var all = store.streams()) {
            page = all.filter(info -> info.stream().startsWith(prefix))
                    .skip(offset)
                    .limit(limit + 1)
                    .toList();
        }
        page.stream().limit(limit).forEach(info -> streams.add(ApiJson.stream(info)));
        if (page.size() > limit) {
            node.put("nextOffset", offset + limit);
        } else {
            node.putNull("nextOffset");
        }
        ctx.contentType("application/json").result(node.toString());
    }
}

package dev.annals.server.internal.stream;

import dev.annals.event.RecordedEvent;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.RequestBody;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.server.internal.json.JsonResponse;
import dev.annals.store.AppendResult;
import dev.annals.store.Direction;
import dev.annals.store.EventStore;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
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

    private void append(Context ctx) throws IOException {
        String stream = ctx.pathParam("stream");
        StreamName.validate(stream);
        guard.require(ctx, Permission.WRITE, stream);
        AppendBody body = AppendBody.parse(RequestBody.bytes(ctx));
        AppendResult result = store.append(stream, body.expected(), body.events());
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "appended {} events to stream {} (first event id {}): version {}, position {}",
                    body.events().size(),
                    stream,
                    body.events().getFirst().eventId(),
                    result.streamVersion(),
                    result.position());
        }
        JsonResponse.send(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("stream", stream);
            json.writeNumberField("streamVersion", result.streamVersion());
            json.writeNumberField("position", result.position());
            json.writeEndObject();
        });
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
        long headPosition = store.headPosition();
        // Written as it goes rather than built as a tree: a page is the API's most frequent answer.
        JsonResponse.send(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("stream", name);
            json.writeStringField("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
            if (from != ReadRequest.END) {
                // The end is Long.MAX_VALUE, which a JavaScript number cannot hold: an absent "from" means the end.
                json.writeNumberField("from", from);
            }
            json.writeArrayFieldStart("events");
            for (RecordedEvent event : page.subList(0, (int) Math.min(limit, page.size()))) {
                ApiJson.writeEvent(json, event);
            }
            json.writeEndArray();
            if (page.size() > limit) {
                RecordedEvent next = page.getLast();
                json.writeNumberField("next", source.byVersion() ? next.streamVersion() : next.position());
            } else {
                json.writeNullField("next");
            }
            json.writeNumberField("headPosition", headPosition);
            json.writeEndObject();
        });
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

package dev.annals.server.internal.correlation;

import dev.annals.event.RecordedEvent;
import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.AsciiNumbers;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /correlations/{id}}: the events whose correlation id is {@code id}, in global order, for the
 * console's causation chain.
 *
 * <p>No store keeps an index by correlation id, so this scans {@code $all} backward from the head over at
 * most {@code ?scan=} events (default {@value #DEFAULT_SCAN}, at most {@value #MAX_SCAN}): its cost grows
 * with the scan, not with the answer, and a correlation older than the scanned window is answered in part
 * ({@code "complete": false}).
 */
public final class CorrelationRoutes {

    static final long DEFAULT_SCAN = 10_000;
    static final long MAX_SCAN = 100_000;
    private static final int MAX_EVENTS = 500;

    private final EventReader store;
    private final Guard guard;

    public CorrelationRoutes(EventReader store, Guard guard) {
        this.store = requireNonNull(store, "store");
        this.guard = requireNonNull(guard, "guard");
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        app.get("/correlations/{id}", this::correlation);
    }

    private void correlation(Context ctx) {
        String id = ctx.pathParam("id");
        guard.require(ctx, Permission.READ, "$all");
        long scan = scan(ctx.queryParam("scan"));
        var found = new ArrayList<RecordedEvent>();
        long scanned;
        long oldest;
        try (var events = store.read(ReadRequest.backward(new ReadSource.All()).limit(scan))) {
            var counter = new long[] {0, Long.MAX_VALUE};
            events.forEach(event -> {
                counter[0]++;
                counter[1] = event.position();
                if (found.size() < MAX_EVENTS
                        && event.metadata().correlationId().filter(id::equals).isPresent()) {
                    found.add(event);
                }
            });
            scanned = counter[0];
            oldest = counter[1];
        }
        var node = ApiJson.MAPPER.createObjectNode();
        node.put("correlationId", id);
        node.put("scanned", scanned);
        node.put("complete", scanned < scan || oldest <= 1);
        var array = node.putArray("events");
        List<RecordedEvent> ordered = found.reversed();
        ordered.forEach(event -> array.add(ApiJson.event(event)));
        ctx.contentType("application/json").result(node.toString());
    }

    private static long scan(String value) {
        if (value == null) {
            return DEFAULT_SCAN;
        }
        try {
            long scan = AsciiNumbers.parseLong(value);
            if (scan >= 1 && scan <= MAX_SCAN) {
                return scan;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("scan", value, "must be a number of events from 1 to " + MAX_SCAN);
    }
}

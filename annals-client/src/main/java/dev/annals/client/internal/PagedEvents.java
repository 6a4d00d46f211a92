package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.client.ApiErrorException;
import dev.annals.event.RecordedEvent;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The events of one read, fetched a page at a time as they are consumed: each page is one
 * {@code GET /streams/{name}?direction&from&limit}, and the next page starts where the server's {@code next}
 * says. Nothing is held open between pages, so a read closed early releases nothing on the server.
 */
public final class PagedEvents implements Iterator<RecordedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PagedEvents.class);

    private final Transport transport;
    private final ReadRequest request;
    private final String path;
    private final int pageSize;
    private long from;
    private long remaining;
    private boolean exhausted;
    private Iterator<JsonNode> page = Collections.emptyIterator();

    public PagedEvents(Transport transport, ReadRequest request, int pageSize) {
        this.transport = requireNonNull(transport, "transport");
        this.request = requireNonNull(request, "request");
        this.path = "streams/" + PathSegment.encode(virtualName(request.source()));
        this.pageSize = pageSize;
        this.from = request.from();
        this.remaining = request.limit();
    }

    /** The name the API reads {@code source} by: the stream's own, {@code $all}, {@code $ce-…} or {@code $et-…}. */
    static String virtualName(ReadSource source) {
        return switch (source) {
            case ReadSource.StreamOf(String stream) -> stream;
            case ReadSource.All all -> ReadSource.ALL;
            case ReadSource.Category(String category) -> ReadSource.CATEGORY_PREFIX + category;
            case ReadSource.EventType(String type) -> ReadSource.EVENT_TYPE_PREFIX + type;
        };
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && !exhausted) {
            fetch();
        }
        return page.hasNext();
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the read of " + request.source() + " has no more events");
        }
        return ClientJson.event(page.next());
    }

    private void fetch() {
        long size = Math.min(remaining, pageSize);
        JsonNode answer;
        try {
            answer = transport.get(path + "?direction="
                    + request.direction().name().toLowerCase(Locale.ROOT) + "&from=" + from + "&limit=" + size);
        } catch (ApiErrorException e) {
            if (e.status() == 404 && e.code().equals("stream_not_found")) {
                exhausted = true;
                return;
            }
            throw e;
        }
        JsonNode events = answer.path("events");
        LOG.trace(
                "read {} events of {} {} from {} (head position {})",
                events.size(),
                request.source(),
                request.direction(),
                from,
                answer.path("headPosition").asLong());
        remaining -= events.size();
        JsonNode next = answer.path("next");
        if (remaining <= 0 || !next.isIntegralNumber() || events.isEmpty()) {
            exhausted = true;
        } else {
            from = next.asLong();
        }
        page = events.elements();
    }
}

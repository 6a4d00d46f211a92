package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.store.StreamInfo;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import static java.util.Objects.requireNonNull;

/** Every stream, fetched a page at a time from {@code GET /streams?offset&limit} as it is consumed. */
public final class PagedStreams implements Iterator<StreamInfo> {

    private final Transport transport;
    private final int pageSize;
    private long offset;
    private boolean exhausted;
    private Iterator<JsonNode> page = Collections.emptyIterator();

    public PagedStreams(Transport transport, int pageSize) {
        this.transport = requireNonNull(transport, "transport");
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && !exhausted) {
            JsonNode answer = transport.get("streams?offset=" + offset + "&limit=" + pageSize);
            JsonNode next = answer.path("nextOffset");
            if (next.isIntegralNumber()) {
                offset = next.asLong();
            } else {
                exhausted = true;
            }
            page = answer.path("streams").elements();
        }
        return page.hasNext();
    }

    @Override
    public StreamInfo next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more streams");
        }
        return ClientJson.stream(page.next());
    }
}

package dev.annals.server.internal.stream;

import dev.annals.event.RecordedEvent;
import dev.annals.server.internal.auth.Caller;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a read without the events the caller may not see. A category may hold a stream outside a
 * token's prefix ({@code $ce-account} holds {@code account} as well as {@code account-1}): such events are
 * skipped and the read goes on, so a page is full whenever enough visible events follow.
 */
final class VisiblePage {

    private VisiblePage() {}

    /** Up to {@code request.limit()} events of {@code request} that {@code caller} sees, in the read's order. */
    static List<RecordedEvent> read(EventReader store, ReadRequest request, Caller caller) {
        var page = new ArrayList<RecordedEvent>();
        ReadRequest next = request;
        while (true) {
            List<RecordedEvent> chunk;
            try (var events = store.read(next)) {
                chunk = events.toList();
            }
            for (RecordedEvent event : chunk) {
                if (page.size() < request.limit() && caller.sees(event.stream())) {
                    page.add(event);
                }
            }
            if (page.size() >= request.limit()
                    || chunk.size() < next.limit()
                    || request.source().byVersion()) {
                return page;
            }
            long last = chunk.getLast().position();
            if (request.direction() == Direction.BACKWARD && last <= 1) {
                return page;
            }
            next = next.from(request.direction() == Direction.FORWARD ? last + 1 : last - 1);
        }
    }
}

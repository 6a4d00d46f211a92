package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.server.internal.json.ApiJson;
import dev.annals.subscription.Subscriber;
import io.javalin.http.sse.SseClient;
import java.util.List;

/** Sends each delivered event to one SSE client as an {@code event} message whose id is its position. */
final class SseSubscriber implements Subscriber {

    private final SseClient client;

    SseSubscriber(SseClient client) {
        this.client = client;
    }

    @Override
    public void onEvents(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            if (client.terminated()) {
                throw new ClientGoneException(event.position());
            }
            client.sendEvent("event", ApiJson.event(event).toString(), Long.toString(event.position()));
        }
    }

    /** Stops the subscription of a client that has disconnected. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException(long position) {
            super("the SSE client disconnected before position " + position);
        }
    }
}

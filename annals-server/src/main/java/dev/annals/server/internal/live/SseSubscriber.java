package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.subscription.Subscriber;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Sends each delivered event that the client's caller may see to one SSE client, as an {@code event}
 * message whose id is its position. Before each batch it checks that the caller's token is still live, so
 * no event reaches a subscription after its token was revoked. When the client has gone, the send closes
 * it and {@link LiveRoutes} ends the subscription.
 */
final class SseSubscriber implements Subscriber {

    private final SseStream stream;
    private final SseFrames frames;

    SseSubscriber(SseStream stream, SseFrames frames) {
        this.stream = stream;
        this.frames = frames;
    }

    @Override
    public void onEvents(List<RecordedEvent> events) {
        if (stream.endIfRevoked()) {
            // Closed, and its subscription with it: these events are dropped, as a revocation is no failure.
            return;
        }
        var batch = new ByteArrayOutputStream(events.size() * 512);
        for (RecordedEvent event : events) {
            // A category may hold streams outside a token's prefix (the stream named as the category itself).
            if (stream.sees(event.stream())) {
                batch.writeBytes(frames.frame(event));
            }
        }
        if (batch.size() > 0) {
            // A client gone is closed by the failed send, and its close callback ends this subscription (logged
            // at DEBUG): closing a browser tab is no failure, so nothing is thrown that would be logged as one.
            stream.send(batch);
        }
    }
}

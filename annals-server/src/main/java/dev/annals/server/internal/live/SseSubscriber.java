package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.subscription.Subscriber;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Sends each delivered event to one SSE client as an {@code event} message whose id is its position. When
 * the client has gone, the send closes it and {@link LiveRoutes} ends the subscription.
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
        var batch = new ByteArrayOutputStream(events.size() * 512);
        for (RecordedEvent event : events) {
            batch.writeBytes(frames.frame(event));
        }
        // A client gone is closed by the failed send, and its close callback ends this subscription (logged
        // at DEBUG): closing a browser tab is no failure, so nothing is thrown that would be logged as one.
        stream.send(batch);
    }
}

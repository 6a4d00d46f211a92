package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.subscription.Subscriber;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Sends each delivered event to one SSE client as an {@code event} message whose id is its position. */
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
        if (!stream.send(batch)) {
            throw new ClientGoneException(events.getFirst().position());
        }
    }

    /** Stops the subscription of a client that has disconnected. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException(long position) {
            super("the SSE client disconnected before position " + position);
        }
    }
}

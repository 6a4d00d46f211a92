package dev.annals.server.internal.live;

import dev.annals.event.RecordedEvent;
import dev.annals.subscription.Subscriber;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Sends each delivered event that the client's caller may see to one SSE client, as an {@code event}
 * message whose id is its position. Before each batch it checks that the caller's token is still live, so
 * no event reaches a subscription after its token was revoked.
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
        if (batch.size() > 0 && !stream.send(batch)) {
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

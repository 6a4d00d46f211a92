package dev.annals.projection.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One delivered batch with each event decoded once: what the handlers get, and again on a retry.
 *
 * <p>A large batch (a rebuild catching up) is decoded ahead of the handlers on a virtual thread of its own, a
 * chunk at a time, so that decoding overlaps with the read model's writes; the handlers wait only for the
 * chunk of the event they are at, and the batch bounds how far ahead decoding runs. A small batch (live
 * delivery) is decoded in the deliverer's thread as each event's turn comes, which costs no hand-off.
 * A decoding failure is kept and thrown when that event's turn comes, as a handler's would be.
 */
final class DecodedBatch {

    /** Below this many events, a hand-off to another thread costs more than it overlaps. */
    private static final int DECODE_AHEAD_FROM = 64;

    private static final int CHUNK = 64;

    private final Projection<?> projection;
    private final List<RecordedEvent> events;
    /** Per event: its decoded events (a List), the Exception decoding threw, or null when not decoded yet. */
    private final Object[] decoded;

    private final CompletableFuture<?>[] chunks;

    private DecodedBatch(Projection<?> projection, List<RecordedEvent> events, boolean ahead) {
        this.projection = projection;
        this.events = events;
        this.decoded = new Object[events.size()];
        this.chunks = ahead ? new CompletableFuture<?>[(events.size() + CHUNK - 1) / CHUNK] : null;
    }

    /** {@code events} to be decoded by {@code projection}, ahead of their use when they are many. */
    static DecodedBatch of(Projection<?> projection, List<RecordedEvent> events) {
        var batch = new DecodedBatch(projection, events, events.size() >= DECODE_AHEAD_FROM);
        if (batch.chunks != null) {
            for (int i = 0; i < batch.chunks.length; i++) {
                batch.chunks[i] = new CompletableFuture<Void>();
            }
            Thread.ofVirtual()
                    .name("projection-" + projection.name() + "-decoder")
                    .start(batch::decodeAll);
        }
        return batch;
    }

    private void decodeAll() {
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            int end = Math.min(events.size(), (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                decoded[i] = decodeOne(i);
            }
            // Completing the chunk publishes its slots to the deliverer's thread (happens-before).
            chunks[chunk].complete(null);
        }
    }

    private Object decodeOne(int index) {
        try {
            return projection.decode(events.get(index));
        } catch (Exception e) {
            return e;
        } catch (Error e) {
            if (!ProjectionHandler.isOwnFailure(e)) {
                throw e;
            }
            return e;
        }
    }

    int size() {
        return events.size();
    }

    RecordedEvent event(int index) {
        return events.get(index);
    }

    /** Decodes event {@code index} again if decoding it failed: a retry gives a key store that was down a new try. */
    void decodeAgainIfFailed(int index) {
        if (chunks != null) {
            chunks[index / CHUNK].join();
        }
        if (decoded[index] instanceof Throwable) {
            decoded[index] = decodeOne(index);
        }
    }

    /**
     * The decoded events of event {@code index}, waiting for its chunk when decoded ahead.
     *
     * @throws Exception what decoding it threw
     */
    @SuppressWarnings("unchecked")
    List<Object> decoded(int index) throws Exception {
        if (chunks != null) {
            chunks[index / CHUNK].join();
        } else if (decoded[index] == null) {
            decoded[index] = decodeOne(index);
        }
        var result = decoded[index];
        if (result instanceof Exception failure) {
            throw failure;
        }
        if (result instanceof Error failure) {
            throw failure;
        }
        return (List<Object>) result;
    }
}

package dev.annals.server;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads one Server-Sent Events response on a virtual thread, collecting the ids of the events. */
final class SseTestClient implements AutoCloseable {

    private final List<Long> ids = new CopyOnWriteArrayList<>();
    private final List<String> data = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile Thread reader;
    private volatile boolean ended;

    SseTestClient(HttpTestClient http, String path, String lastEventId) {
        var request = http.request(path).header("Accept", "text/event-stream");
        if (!lastEventId.isEmpty()) {
            request.header("Last-Event-ID", lastEventId);
        }
        // No request timeout: the stream is endless, and close() ends it.
        response = http.client()
                .sendAsync(
                        request.timeout(java.time.Duration.ofDays(1)).GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(reply -> reader = Thread.ofVirtual().start(() -> {
            try (var lines = reply.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        ids.add(Long.parseLong(line.substring(3).strip()));
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    } else if (line.startsWith("event:")) {
                        events.add(line.substring(6).strip());
                    }
                });
                ended = true;
            } catch (RuntimeException e) {
                // closed by the test
            }
        }));
    }

    int status() {
        return response.join().statusCode();
    }

    List<Long> ids() {
        return List.copyOf(ids);
    }

    List<String> data() {
        return List.copyOf(data);
    }

    /** The {@code event:} names received, in order. */
    List<String> events() {
        return List.copyOf(events);
    }

    /** True once the server has ended the response. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.thenAccept(reply -> reply.body().close());
        response.cancel(true);
        if (reader != null) {
            reader.interrupt();
        }
    }
}

package dev.annals.server.internal.live;

import dev.annals.server.auth.Permission;
import dev.annals.server.internal.auth.Guard;
import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.AsciiNumbers;
import dev.annals.store.EventReader;
import dev.annals.store.ReadSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Live subscriptions by Server-Sent Events at {@code /subscriptions/{stream}}: the events of a stream or
 * virtual stream after a position, then live appends. Each SSE event's id is the event's global
 * position, so a client that reconnects with {@code Last-Event-ID} resumes after the last event it got.
 * {@code ?from=P} starts at position P (inclusive) when no {@code Last-Event-ID} is sent. Clients read
 * the newest events from one shared {@link LiveTail}, and the store only to catch up from further back.
 *
 * <p>One delivery serves every client (ADR 0043): the log is read once into the tail, each event's frame
 * is rendered once, and each client has a virtual thread of its own ({@link SseSubscriber}) that writes
 * everything since its last turn in one flush. A client that stops reading blocks only its own thread; one
 * that falls out of the tail's window is told so ({@code event: behind}) and disconnected.
 * Any {@code Accept} header that admits {@code text/event-stream} (none, {@code *}{@code /*}, as curl sends)
 * gets the stream; one that excludes it gets a 406.
 */
public final class LiveRoutes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);
    private static final String CHECKPOINT = "annals.live.checkpoint";
    private static final String PATH = "/subscriptions/{stream}";

    /** How many of the newest events the shared tail holds for live clients. */
    private static final int TAIL_CAPACITY = 10_000;

    private final LiveTail tail;
    private final SseFrames frames;
    private final Guard guard;
    private final Fanout fanout;
    private final Set<SseSubscriber> clients;
    private final AtomicLong counter = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sse-sweeper").factory());

    public LiveRoutes(EventReader store, Guard guard) {
        this(store, guard, TAIL_CAPACITY);
    }

    /** Live routes whose clients may fall at most {@code window} events behind the head (tests use a few). */
    LiveRoutes(EventReader store, Guard guard, int window) {
        this.tail = new LiveTail(requireNonNull(store, "store"), window);
        this.frames = new SseFrames(window, tail.base());
        this.guard = requireNonNull(guard, "guard");
        this.fanout = new Fanout(tail, frames);
        this.clients = fanout.clients();
        // Revocation ends subscriptions at once, even those no event is sent to; a client whose write is stuck
        // on a socket its reader no longer empties is found fallen behind; a quiet one is sent a heartbeat
        // (which finds clients that went away): a look at each a second.
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Registers the route on {@code app}. */
    public void install(Javalin app) {
        // Checked before the SSE handler, which commits a 200 before it runs: a refusal is still a 4xx here.
        app.before(PATH, this::check);
        app.get(PATH, new EventStreamHandler(this::subscribe));
    }

    private void sweep() {
        for (SseSubscriber client : clients) {
            try {
                if (!client.stream().caller().live() || client.fellBehind() || client.quiet()) {
                    client.wake();
                }
            } catch (RuntimeException e) {
                // A failure must not cancel the schedule: the next look may succeed.
                LOG.warn("could not check whether the token of a live subscription is still valid", e);
            }
        }
    }

    /** How many SSE clients are connected. */
    public int connected() {
        return clients.size();
    }

    private void check(Context ctx) {
        String name = ctx.pathParam("stream");
        ReadSource.parse(name);
        guard.require(ctx, Permission.READ, name);
        String accept = ctx.header("Accept");
        if (!EventStreamAccept.admits(accept)) {
            throw new ApiException(
                    406,
                    "not_acceptable",
                    "this route answers only " + EventStreamAccept.MEDIA_TYPE + ", which the Accept header '" + accept
                            + "' excludes",
                    Map.of("accept", accept, "produces", EventStreamAccept.MEDIA_TYPE));
        }
        ctx.attribute(CHECKPOINT, checkpoint(ctx));
    }

    private static long checkpoint(Context ctx) {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId != null && !lastEventId.isBlank()) {
            return parse(lastEventId.strip(), "Last-Event-ID", "must be the global position of the last event seen");
        }
        String from = ctx.queryParam("from");
        return from == null ? 0 : Math.max(0, parse(from, "from", "must be a global position of 1 or more") - 1);
    }

    private static long parse(String value, String name, String rule) {
        try {
            long number = AsciiNumbers.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(
                "invalid_parameter",
                name + " " + rule + ", was '" + value + "'",
                Map.of("parameter", name, "value", value));
    }

    private void subscribe(SseClient client) {
        String name = client.ctx().pathParam("stream");
        long checkpoint = client.ctx().attribute(CHECKPOINT);
        client.keepAlive();
        var subscriber = new SseSubscriber(
                Long.toString(counter.incrementAndGet()),
                name,
                new SseStream(client, guard.caller(client.ctx())),
                checkpoint,
                tail,
                frames);
        // Attached before it starts, so that it finds the tail fed and goes live once it has caught up.
        tail.attach();
        clients.add(subscriber);
        subscriber.start(() -> {
            clients.remove(subscriber);
            tail.detach();
            client.close();
            LOG.debug("SSE client of {} left after position {}", name, subscriber.cursor());
        });
        LOG.debug("SSE client subscribed to {} after position {}", name, checkpoint);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        fanout.close();
        tail.close();
        for (SseSubscriber client : clients) {
            client.stream().client().close();
            client.wake();
        }
    }
}

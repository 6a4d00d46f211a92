package dev.annals.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.client.internal.AppendErrors;
import dev.annals.client.internal.ClientJson;
import dev.annals.client.internal.DeletionErrors;
import dev.annals.client.internal.LiveHead;
import dev.annals.client.internal.PagedEvents;
import dev.annals.client.internal.PagedStreams;
import dev.annals.client.internal.PathSegment;
import dev.annals.client.internal.Transport;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.DeletionMode;
import dev.annals.store.DuplicateEventIdException;
import dev.annals.store.EventStore;
import dev.annals.store.EventTexts;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadNotifier;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * An {@link EventStore} in another process: the Annals server's HTTP API, spoken with the JDK's HTTP client.
 *
 * <pre>{@code
 * try (EventStore store = AnnalsClient.builder(URI.create("https://annals.example:2113/"))
 *         .token(secret).trustStore(Path.of("annals.p12"), password).build()) {
 *     store.append("account-1", ExpectedVersion.noStream(), EventData.of("Opened", "{}"));
 * }
 * }</pre>
 *
 * <p>It keeps the store's contract (it passes the conformance suite against a running server): errors of an
 * append come back as the contract's exceptions ({@code WrongExpectedVersionException} with the actual
 * version, {@code InvalidStreamNameException}, {@code EventTooLargeException}, {@code DuplicateEventIdException},
 * {@code EventIdConflictException}); reads are lazy, one request per page as the stream is consumed; an
 * exact retry after a lost answer returns the original result. What HTTP adds: an append whose answer was
 * lost (a timeout, a dropped connection) raises an {@code EventStoreException} and may or may not have been
 * written, so retry it with the same events; other refusals of the server (401, 403, 429, 5xx) raise
 * {@link ApiErrorException}. Payloads are JSON: the server keeps them as compact JSON, so a payload sent
 * with spaces comes back without them. It tells listeners of appends ({@code HeadNotifier}, asked with
 * {@code capability}) by following the server's live stream, so subscriptions over it wake when an event is
 * committed, by any writer; with {@link AnnalsClientBuilder#liveEvents(boolean) liveEvents(false)}, or when the
 * server refuses that stream, they poll. It deletes and truncates streams too ({@link StreamDeletion}), which the
 * server allows to tokens with the admin role. Thread-safe.
 */
public final class AnnalsClient implements EventStore, StreamDeletion {

    private static final Logger LOG = LoggerFactory.getLogger(AnnalsClient.class);

    private final Transport transport;
    private final int pageSize;
    private final Optional<LiveHead> liveHead;

    AnnalsClient(Transport transport, int pageSize, Optional<LiveHead> liveHead) {
        this.transport = requireNonNull(transport, "transport");
        this.pageSize = pageSize;
        this.liveHead = requireNonNull(liveHead, "liveHead");
    }

    /** Settings for a client of the server at {@code baseUri}, such as {@code http://127.0.0.1:2113/}. */
    public static AnnalsClientBuilder builder(URI baseUri) {
        return new AnnalsClientBuilder(baseUri);
    }

    /** The server this client talks to. */
    public URI baseUri() {
        return transport.baseUri();
    }

    /** The connection to the server, shared with the capabilities {@link HttpBackend} offers beside the store. */
    Transport transport() {
        return transport;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The stream name, the presence of events, their text (types and metadata every backend can store) and
     * the distinctness of their ids are checked here before sending; the size limit is the server's and is
     * checked there.
     */
    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        checkLocally(stream, expected, events);
        JsonNode answer;
        try {
            answer = transport.post("streams/" + PathSegment.encode(stream), ClientJson.appendBody(expected, events));
        } catch (ApiErrorException refused) {
            throw AppendErrors.of(refused, stream, expected);
        }
        var result = new AppendResult(
                answer.get("streamVersion").asLong(), answer.get("position").asLong());
        LOG.debug(
                "appended {} events to stream {} (first event id {}) over {}: version {}, position {}",
                events.size(),
                stream,
                events.getFirst().eventId(),
                transport.baseUri(),
                result.streamVersion(),
                result.position());
        return result;
    }

    private static void checkLocally(String stream, ExpectedVersion expected, List<EventData> events) {
        StreamName.validate(stream);
        requireNonNull(expected, "expected");
        requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new InvalidAppendException("an append to stream '" + stream + "' must carry at least one event");
        }
        var ids = new HashSet<UUID>();
        for (EventData event : events) {
            // The same text rules as every store, so that a refusal names the event as a store's would.
            EventTexts.validate(stream, requireNonNull(event, "event"));
            if (!ids.add(event.eventId())) {
                throw new DuplicateEventIdException(stream, event.eventId());
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Nothing is asked of the server until the stream is consumed; then one request per page of up to the
     * builder's page size. A read of a name that cannot be a stream is empty.
     */
    @Override
    public StreamDeletionResult deleteStream(String stream, DeletionMode mode) {
        requireNonNull(mode, "mode");
        StreamName.validate(stream);
        String query = "?mode=" + (mode == DeletionMode.HARD ? "hard" : "soft");
        try {
            return deletionResult(transport.delete("streams/" + PathSegment.encode(stream) + query));
        } catch (ApiErrorException refused) {
            throw DeletionErrors.of(refused, stream);
        }
    }

    @Override
    public StreamDeletionResult truncateStream(String stream, long beforeVersion) {
        StreamName.validate(stream);
        try {
            return deletionResult(transport.post(
                    "streams/" + PathSegment.encode(stream) + "/truncate?before=" + beforeVersion, new byte[0]));
        } catch (ApiErrorException refused) {
            throw DeletionErrors.of(refused, stream);
        }
    }

    private static StreamDeletionResult deletionResult(JsonNode answer) {
        return new StreamDeletionResult(
                answer.get("stream").asText(),
                answer.get("lastVersion").asLong(),
                answer.get("firstReadableVersion").asLong(),
                answer.get("eventsHidden").asLong());
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        requireNonNull(request, "request");
        if (request.source() instanceof ReadSource.StreamOf(String stream) && !validName(stream)) {
            return Stream.empty();
        }
        return lazy(new PagedEvents(transport, request, pageSize));
    }

    private static boolean validName(String stream) {
        try {
            StreamName.validate(stream);
            return true;
        } catch (InvalidAppendException e) {
            return false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One request to the server's readiness probe, which reports the head position to any caller: a token
     * limited to some streams, which may not read {@code $all}, still learns how far the store has come.
     */
    @Override
    public long headPosition() {
        return transport.get("health/ready").get("headPosition").asLong();
    }

    /** {@inheritDoc} One request per page of streams, as the stream is consumed. */
    @Override
    public Stream<StreamInfo> streams() {
        return lazy(new PagedStreams(transport, pageSize));
    }

    private static <T> Stream<T> lazy(Iterator<T> pages) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link HeadNotifier} is the server's live stream, unless the builder turned it off.
     */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == HeadNotifier.class) {
            return liveHead.map(type::cast);
        }
        return EventStore.super.capability(type);
    }

    /** Closes the client's connections, its live stream included; the server and its store keep running. */
    @Override
    public void close() {
        liveHead.ifPresent(LiveHead::close);
        transport.close();
    }
}

package dev.annals.kafka.relay.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.kafka.relay.RelayOptions;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Reads the store ahead of the relay's sending, on a thread of its own, and turns each page of events into
 * the records to send: the relay's thread then only sends and commits, and the store is read and the
 * envelopes are written while it waits for a commit (the relay's profile showed those waits as its largest
 * cost). Pages follow one another without a gap from the position it starts after; at most
 * {@value #PAGES_AHEAD} pages wait: enough for the events that arrive during a commit of tens of
 * milliseconds at the relay's full rate, so that reading does not stop while the relay waits. One read-ahead serves one publish session and is closed with it.
 */
public final class ReadAhead implements AutoCloseable {

    /** The records of events {@code after + 1 .. through} the filter accepted, in order. */
    public record Page(List<ProducerRecord<String, byte[]>> records, long through, boolean atHead) {}

    private static final int PAGES_AHEAD = 16;
    private static final ReadRequest ALL = ReadRequest.forward(new ReadSource.All());

    private final EventReader reader;
    private final RelayOptions options;
    private final TopicSetup topics;
    private final CloudEventEnvelope envelope;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(PAGES_AHEAD);
    private final Semaphore news = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    private ReadAhead(EventReader reader, RelayOptions options, TopicSetup topics, long after) {
        this.reader = reader;
        this.options = options;
        this.topics = topics;
        this.envelope = new CloudEventEnvelope(options.source());
        this.thread = Thread.ofPlatform()
                .name("relay-" + options.name() + "-reader")
                .daemon()
                .start(() -> readFrom(after + 1));
    }

    /** Starts reading the events after position {@code after}. */
    public static ReadAhead after(long after, EventReader reader, RelayOptions options, TopicSetup topics) {
        return new ReadAhead(reader, options, topics, after);
    }

    /** Tells the reader that the store's head moved: it reads again at once instead of at its next poll. */
    public void wake() {
        news.release();
    }

    /**
     * The next page, waiting up to {@code timeout} for it; null when none came.
     *
     * @throws Exception what reading the store or preparing the topics failed with
     */
    public Page next(Duration timeout) throws Exception {
        var next = ready.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next instanceof Exception failure) {
            throw failure;
        }
        return (Page) next;
    }

    /** True when a page is waiting: the relay need not commit yet for the sake of latency. */
    public boolean hasReady() {
        return !ready.isEmpty();
    }

    private void readFrom(long from) {
        boolean atHead = true;
        try {
            while (!closed) {
                // Drained before reading: a commit notified after this read leaves a permit, so none is missed.
                news.drainPermits();
                List<RecordedEvent> events;
                // The page's size goes to the store as the read's limit: a stream cut short by limit() would
                // still have had the store fetch and decode its own page (2,000 rows in SQLite) to use 500.
                try (var stream = reader.read(ALL.from(from).limit(options.batchSize()))) {
                    events = stream.toList();
                }
                if (events.isEmpty()) {
                    if (!atHead) {
                        // The last page was full and ended at the head: say so, or the relay would wait to commit.
                        hand(new Page(List.of(), from - 1, true));
                        atHead = true;
                    }
                    news.tryAcquire(options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                var page = prepare(events);
                hand(page);
                atHead = page.atHead();
                from = events.getLast().position() + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            try {
                hand(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Page prepare(List<RecordedEvent> events) throws Exception {
        var records = new ArrayList<ProducerRecord<String, byte[]>>(events.size());
        for (var event : events) {
            if (options.filter().accepts(event)) {
                String topic = options.topics().topicFor(event.stream());
                topics.ensureEventTopic(topic);
                records.add(envelope.record(topic, event));
            }
        }
        return new Page(records, events.getLast().position(), events.size() < options.batchSize());
    }

    // Waits for room, but gives up when the session ends: nobody takes pages any more.
    private void hand(Object pageOrFailure) throws InterruptedException {
        while (!closed && !ready.offer(pageOrFailure, 100, TimeUnit.MILLISECONDS)) {
            // The relay is busy committing; the page waits here, already prepared.
        }
    }

    /** Stops reading; pages not taken are dropped (the next session reads again from its checkpoint). */
    @Override
    public void close() {
        closed = true;
        news.release();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

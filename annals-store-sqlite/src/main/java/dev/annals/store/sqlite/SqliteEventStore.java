package dev.annals.store.sqlite;

import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.DeletionMode;
import dev.annals.store.EventStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.WriterHealth;
import dev.annals.store.internal.AppendChecks;
import dev.annals.store.internal.StreamMarks;
import dev.annals.store.jdbc.JdbcEventReader;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.StreamChange;
import dev.annals.store.sqlite.internal.SqliteFiles;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The embedded default store: one SQLite database file, {@code annals.db}, under a data directory.
 *
 * <p>Durable: the file runs in WAL mode with synchronous FULL, so an append returns only after its events
 * are on disk. Appends from all threads go to one writer thread that gathers those waiting into one
 * transaction and one fsync (group commit), each append under its own savepoint so that one append's
 * refusal never fails another's; an append that finds nothing waiting and nothing being written is
 * written at once by its own thread. The stream index trails the log by up to a batch of events
 * (docs/adr/0015); reads of a stream see both. Global positions are assigned by that writer: gap-free and in commit
 * order. Reads run on a small pool of other connections and fetch a page at a time.
 *
 * <p>Subscriptions in this process are woken after each commit ({@link HeadNotifier}); other processes
 * find new events by polling.
 *
 * <p>Deletions and truncations ({@link StreamDeletion}) run on the writer too, in order with the appends,
 * and drop the stream's snapshots in the same transaction.
 *
 * <p>One process at a time: the store locks its data directory while open, and a second open of the same
 * directory fails.
 */
public final class SqliteEventStore implements EventStore, HeadNotifier, StreamDeletion, WriterHealth {

    /** The name of the database file inside the data directory. */
    public static final String FILE_NAME = "annals.db";

    private final SqliteFiles files;
    private final SqliteOptions options;
    private final JdbcEventReader reader;
    private final Timer appendTimer;
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private SqliteEventStore(SqliteFiles files, SqliteOptions options) {
        this.files = files;
        this.options = options;
        this.reader = new JdbcEventReader(files.dialect(), files.readers(), options.readPageSize());
        this.appendTimer = Timer.builder("annals.append")
                .description("append latency, queueing and commit included")
                .tag("backend", "sqlite")
                .publishPercentileHistogram()
                .register(options.meterRegistry());
    }

    /**
     * Opens the store in {@code dataDirectory}, creating the directory, the file and its schema when
     * absent and upgrading an older schema.
     *
     * @throws EventStoreException when the file cannot be opened, is in use, or has a newer schema
     */
    public static SqliteEventStore open(Path dataDirectory) {
        return open(dataDirectory, SqliteOptions.defaults());
    }

    /** Opens the store in {@code dataDirectory} with the given options; see {@link #open(Path)}. */
    public static SqliteEventStore open(Path dataDirectory, SqliteOptions options) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(options, "options");
        return new SqliteEventStore(SqliteFiles.open(dataDirectory.resolve(FILE_NAME), options), options);
    }

    /** The database file. */
    public Path file() {
        return files.file();
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        AppendChecks.validate(stream, expected, events, options.limits());
        var pending = PendingAppend.of(stream, expected, List.copyOf(events));
        long started = System.nanoTime();
        try {
            return await(pending);
        } finally {
            appendTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public StreamDeletionResult deleteStream(String stream, DeletionMode mode) {
        requireNonNull(mode, "mode");
        return change(stream, marks -> marks.delete(stream, mode));
    }

    @Override
    public StreamDeletionResult truncateStream(String stream, long beforeVersion) {
        return change(stream, marks -> marks.truncate(stream, beforeVersion));
    }

    private StreamDeletionResult change(String stream, Function<StreamMarks, StreamMarks.Change> rule) {
        var change = StreamChange.of(rule);
        await(PendingAppend.change(StreamName.validate(stream), change));
        return change.result().get();
    }

    private AppendResult await(PendingAppend pending) {
        submit(pending);
        return pending.await();
    }

    private void submit(PendingAppend pending) {
        // The read lock lets appenders queue concurrently while close() waits for them to finish queueing.
        closing.readLock().lock();
        try {
            if (closed) {
                throw new EventStoreException("the SQLite store is closed");
            }
            files.writer().submit(pending);
        } finally {
            closing.readLock().unlock();
        }
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return reader.read(request);
    }

    @Override
    public long headPosition() {
        return reader.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return reader.streams();
    }

    /**
     * Why the writer cannot write now (disk full, read-only file system, I/O error), or empty; while it
     * cannot, asking reopens its connection and checks free space, so recovery shows without appends.
     */
    @Override
    public Optional<StoreUnavailableException> writeFault() {
        return files.writer().writeFault();
    }

    @Override
    public void addHeadListener(HeadListener listener) {
        files.writer().headListeners().addHeadListener(listener);
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        files.writer().headListeners().removeHeadListener(listener);
    }

    /** Writes every append already queued, then releases the file; later calls fail. Idempotent. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        files.close();
    }
}

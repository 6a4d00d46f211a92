package dev.annals.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.annals.event.EventData;
import dev.annals.event.RecordedEvent;
import dev.annals.store.AppendResult;
import dev.annals.store.DeletionMode;
import dev.annals.store.EventStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadListeners;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamName;
import dev.annals.store.WriterHealth;
import dev.annals.store.internal.AppendChecks;
import dev.annals.store.jdbc.JdbcEventReader;
import dev.annals.store.jdbc.append.GroupCommit;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.postgres.internal.BatchTransaction;
import dev.annals.store.postgres.internal.ConnectionLimit;
import dev.annals.store.postgres.internal.DataSourceLender;
import dev.annals.store.postgres.internal.HeadListenerThread;
import dev.annals.store.postgres.internal.Migrations;
import dev.annals.store.postgres.internal.PostgresAppender;
import dev.annals.store.postgres.internal.PostgresDialect;
import dev.annals.store.postgres.internal.StreamChanges;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static java.util.Objects.requireNonNull;

/**
 * The store for several processes and machines: the log in PostgreSQL tables of one schema.
 *
 * <p>Appends are written by group commit: one writer thread per store gathers the appends waiting and
 * writes them in one transaction that first takes the schema's advisory lock, so transactions that append
 * from every process are serialised: global positions are gap-free and in commit order, and a reader that
 * has seen position P never later finds an event below P (docs/adr/0006). Each append keeps its own outcome. The schema is created and upgraded by
 * Flyway migrations when the store opens.
 *
 * <p>Head listeners are told of appends made through this object right after they commit, and, when
 * {@link PostgresOptions#listen()} is on, of appends made by other processes through LISTEN/NOTIFY.
 * Notifications may be late or lost (while the listening connection reconnects); subscriptions keep
 * polling as a fallback, and never skip or repeat an event because of them.
 *
 * <p>Deletions and truncations ({@link StreamDeletion}) take the same lock as appends.
 */
public final class PostgresEventStore implements EventStore, HeadNotifier, StreamDeletion, WriterHealth {

    private final DataSource dataSource;
    private final Optional<HikariDataSource> ownPool;
    private final PostgresOptions options;
    private final PostgresDialect dialect;
    private final GroupCommit appends;
    private final Timer appendTimer;
    private final StreamChanges changes;
    private final JdbcEventReader reader;
    private final HeadListeners headListeners = new HeadListeners();
    private final Optional<HeadListenerThread> listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresEventStore(DataSource dataSource, Optional<HikariDataSource> ownPool, PostgresOptions options) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.options = options;
        this.dialect = new PostgresDialect(options.schema());
        var lender = new DataSourceLender(dataSource, "in schema " + options.schema());
        this.appends = new GroupCommit(
                "PostgreSQL schema " + options.schema(),
                options.maxBatchAppends(),
                new BatchTransaction(dataSource, dialect, options.meterRegistry()));
        this.appendTimer = Timer.builder("annals.append")
                .description("append latency, queueing and commit included")
                .tag("backend", "postgresql")
                .publishPercentileHistogram()
                .register(options.meterRegistry());
        this.changes = new StreamChanges(dataSource, dialect, new PostgresAppender(dialect));
        this.reader = new JdbcEventReader(dialect, lender, options.readPageSize());
        this.listener = options.listen()
                ? Optional.of(new HeadListenerThread(
                        dataSource, dialect, headListeners, reader::headPosition, options.listenRetry()))
                : Optional.empty();
    }

    /**
     * Opens the store on connections of {@code dataSource}, which the caller keeps and closes after the store.
     * Creates or upgrades the schema first.
     *
     * @throws EventStoreException when the database cannot be reached or its schema is newer than this code
     */
    public static PostgresEventStore open(DataSource dataSource, PostgresOptions options) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(options, "options");
        return start(new PostgresEventStore(dataSource, Optional.empty(), options));
    }

    /**
     * Opens the store at a JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}) with a HikariCP pool
     * of its own of {@link PostgresOptions#poolSize()} connections, closed with the store.
     *
     * @throws IllegalArgumentException when the pool would be larger than the server accepts in all
     * @throws EventStoreException      when the database cannot be reached or its schema is newer than this code
     */
    public static PostgresEventStore open(String jdbcUrl, PostgresOptions options) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(options, "options");
        try {
            ConnectionLimit.requireRoomFor(options.poolSize(), jdbcUrl, PostgresAddress.withoutSecrets(jdbcUrl));
        } catch (SQLException e) {
            throw cannotConnect(jdbcUrl, e);
        }
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("annals-postgres-" + options.schema());
        config.setMaximumPoolSize(options.poolSize());
        // One multi-row INSERT per append instead of one statement per event: many fewer round trips.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotConnect(jdbcUrl, e);
        }
        try {
            return start(new PostgresEventStore(pool, Optional.of(pool), options));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static EventStoreException cannotConnect(String jdbcUrl, Exception cause) {
        return new EventStoreException(
                "cannot connect to PostgreSQL at " + PostgresAddress.withoutSecrets(jdbcUrl) + ": "
                        + cause.getMessage(),
                cause);
    }

    /** Opens the store at {@code address} with default options and a pool of its own. */
    public static PostgresEventStore open(PostgresAddress address) {
        requireNonNull(address, "address");
        return open(address.jdbcUrl(), address.options());
    }

    private static PostgresEventStore start(PostgresEventStore store) {
        Migrations.migrate(store.dataSource, store.options.schema());
        store.listener.ifPresent(HeadListenerThread::start);
        return store;
    }

    /** The connections the store uses, for the projections in its schema. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The schema holding the store's tables. */
    public String schema() {
        return options.schema();
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        AppendChecks.validate(stream, expected, events, options.limits());
        if (closed.get()) {
            throw new EventStoreException("the PostgreSQL store is closed");
        }
        var pending = PendingAppend.of(stream, expected, List.copyOf(events));
        long started = System.nanoTime();
        try {
            appends.submit(pending);
            var result = pending.await();
            headListeners.fire(result.position());
            return result;
        } finally {
            appendTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public StreamDeletionResult deleteStream(String stream, DeletionMode mode) {
        requireNonNull(mode, "mode");
        return changes.apply(StreamName.validate(stream), marks -> marks.delete(stream, mode));
    }

    @Override
    public StreamDeletionResult truncateStream(String stream, long beforeVersion) {
        return changes.apply(StreamName.validate(stream), marks -> marks.truncate(stream, beforeVersion));
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        return reader.read(request);
    }

    /** Why appends cannot be written now (the database unreachable, its disk full), or empty; see {@link WriterHealth}. */
    @Override
    public Optional<StoreUnavailableException> writeFault() {
        return appends.writeFault();
    }

    @Override
    public long headPosition() {
        return reader.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return reader.streams();
    }

    @Override
    public void addHeadListener(HeadListener listener) {
        headListeners.addHeadListener(listener);
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        headListeners.removeHeadListener(listener);
    }

    /**
     * Writes the appends already queued, stops listening and closes the pool the store opened itself, if
     * any. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            appends.stop();
            listener.ifPresent(HeadListenerThread::stop);
            ownPool.ifPresent(HikariDataSource::close);
        }
    }
}

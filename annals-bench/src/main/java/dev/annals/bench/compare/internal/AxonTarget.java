package dev.annals.bench.compare.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4.13's {@link JdbcEventStorageEngine} with its default schema and Axon's Jackson
 * serializer, appending domain event messages the way Axon's event-sourced repositories do. A payload
 * is a record whose JSON has the run's exact payload size.
 */
public final class AxonTarget implements AppendTarget {

    /** The benchmark's event for Axon: serialized by Jackson as {@code {"p":"xxx…"}}. */
    public record AxonBenchEvent(String p) {}

    private final Database database;
    private final ConnectionPool pool;
    private final JdbcEventStorageEngine engine;
    private final AxonBenchEvent payload;
    private final String type;

    private AxonTarget(
            Database database,
            ConnectionPool pool,
            JdbcEventStorageEngine engine,
            AxonBenchEvent payload,
            String type) {
        this.database = database;
        this.pool = pool;
        this.engine = engine;
        this.payload = payload;
        this.type = type;
    }

    /** Creates Axon's tables in {@code database}, which the target owns from now on and closes. */
    public static AxonTarget create(Database database, int writers, int payloadSize, String type) throws SQLException {
        database.execute(database.axonTables());
        var pool = new ConnectionPool(database::open, database.poolSize(writers));
        var transactions = new ThreadBoundTransactions(pool);
        var serializer = JacksonSerializer.builder().build();
        var engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(e -> e instanceof SQLException sql && database.isConflict(sql))
                // Axon's extended gap check reads MIN(globalIndex) ahead of a tracking read that came back empty, as
                // a Long, which sqlite-jdbc refuses when it is NULL (at the end of the log), so a replay failed on
                // SQLite. The check looks for gaps wider than a batch; these benchmarks write the log without gaps.
                .extendedGapCheckEnabled(!(database instanceof SqliteDatabase))
                .build();
        return new AxonTarget(database, pool, engine, payloadOf(payloadSize), type);
    }

    /** The event whose JSON {@code {"p":"…"}} takes exactly {@code size} bytes (8 or more). */
    static AxonBenchEvent payloadOf(int size) {
        char[] text = new char[Math.max(0, size - 8)];
        Arrays.fill(text, 'x');
        return new AxonBenchEvent(new String(text));
    }

    /** The engine, for benchmarks that read what was appended. */
    public JdbcEventStorageEngine engine() {
        return engine;
    }

    @Override
    public String name() {
        return "axon/" + database.name();
    }

    @Override
    public long append(String stream, long expectedVersion, int count) {
        var events = new ArrayList<DomainEventMessage<AxonBenchEvent>>(count);
        for (int i = 1; i <= count; i++) {
            events.add(new GenericDomainEventMessage<>(type, stream, expectedVersion + i, payload));
        }
        try {
            engine.appendEvents(events);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // Axon names a lost race for a stream's first event apart from one for a later event.
            throw new VersionConflict(stream, expectedVersion, e);
        }
        return expectedVersion + count;
    }

    @Override
    public long currentVersion(String stream) {
        return engine.lastSequenceNumberFor(stream).orElse(-1L);
    }

    @Override
    public long replayAll() {
        long events = 0;
        long identifiers = 0;
        // From the start (no token), without blocking for more at the end: how Axon replays a processor.
        try (var all = engine.readEvents(null, false)) {
            for (var iterator = all.iterator(); iterator.hasNext(); ) {
                identifiers += iterator.next().getIdentifier().length();
                events++;
            }
        }
        // The identifiers are used so that the JIT cannot skip building the messages.
        return identifiers >= 0 ? events : -1;
    }

    @Override
    public void close() throws Exception {
        try (database) {
            pool.close();
        }
    }
}

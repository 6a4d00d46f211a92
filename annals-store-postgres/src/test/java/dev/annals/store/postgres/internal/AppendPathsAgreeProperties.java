package dev.annals.store.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.jdbc.append.PendingAppend;
import dev.annals.store.jdbc.append.VersionRefusal;
import dev.annals.store.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an append are written more than once on PostgreSQL (docs/adr/0041 and 0042): the schema's
 * {@code append_group} function, with the repeats of a group's racers judged in Java ({@link GroupCall},
 * {@link RepeatedRacers}); {@code append_event} and the fast insert before it for a lone event
 * ({@link EventCall}); and the long way in Java ({@link GroupWriter}), which shares its checks with the
 * embedded store. The store's writer ({@link BatchTransaction}) picks among them. A change to one (dynamic
 * consistency boundaries will change all of them) must not make them disagree. Each try writes one random
 * group of appends through each way and through the writer, on schemas in the same state (live,
 * soft-deleted and tombstoned streams, and a stream that does not exist), and checks that every append is
 * told the same outcome and that the same events and stream states are stored.
 */
class AppendPathsAgreeProperties {

    private static final List<String> STREAMS = List.of("desk-1", "desk-2", "desk-3", "desk-4", "desk-5");
    private static final List<String> TYPES = List.of("Ordered", "Shipped");

    private static HikariDataSource pool;
    private static String inOneCall;
    private static String theLongWay;
    private static String oneByOne;
    private static String asTheWriterDoes;

    @BeforeContainer
    static void migrate() {
        pool = TestDatabase.smallPool();
        inOneCall = migrated();
        theLongWay = migrated();
        oneByOne = migrated();
        asTheWriterDoes = migrated();
    }

    @AfterContainer
    static void close() {
        pool.close();
    }

    private static String migrated() {
        String schema = TestDatabase.newSchema();
        Migrations.flyway(pool, schema).load().migrate();
        return schema;
    }

    /** One append of the generated group: its stream, what it expects and how many events it carries. */
    record Spec(int stream, ExpectedVersion expected, int events) {}

    @Property(tries = 60)
    void every_way_of_writing_a_group_tells_each_append_the_same_outcome_and_stores_the_same_events(
            @ForAll("groups") List<Spec> specs) throws Exception {
        var group = appends(specs);

        var byCall = write(
                inOneCall, (connection, dialect, types) -> new GroupCall(dialect, types).write(connection, group));
        var byLongWay = write(theLongWay, (connection, dialect, types) -> {
            connection.setAutoCommit(false);
            try {
                var outcomes = new GroupWriter(dialect, types).write(connection, group);
                connection.commit();
                return outcomes;
            } finally {
                connection.setAutoCommit(true);
            }
        });
        var alone = write(oneByOne, (connection, dialect, types) -> {
            // As a lone writer's appends go: a single event by append_event (or its fast insert), others by a call.
            var events = new EventCall(dialect, types);
            var calls = new GroupCall(dialect, types);
            var outcomes = new Object[group.size()];
            for (int i = 0; i < group.size(); i++) {
                var one = List.of(group.get(i));
                outcomes[i] = EventCall.fits(one)
                        ? events.write(connection, one.getFirst())
                        : calls.write(connection, one)[0];
            }
            return outcomes;
        });

        var byWriter = write(asTheWriterDoes, (connection, dialect, types) -> {
            // What the store's writer runs: it picks the call (or append_event) itself and completes each append.
            var copies = group.stream()
                    .map(append -> PendingAppend.of(append.stream(), append.expected(), append.events()))
                    .toList();
            new BatchTransaction(pool, dialect, new SimpleMeterRegistry()).write(copies);
            return copies.stream()
                    .map(copy -> copy.outcome().state() == Future.State.SUCCESS
                            ? copy.outcome().resultNow()
                            : copy.outcome().exceptionNow())
                    .toArray();
        });

        assertThat(byCall).as("in one call of append_group").isEqualTo(byLongWay);
        assertThat(byWriter).as("by the store's writer").isEqualTo(byLongWay);
        assertThat(alone).as("one by one, as a lone writer").isEqualTo(byLongWay);
        assertThat(stored(inOneCall)).isEqualTo(stored(theLongWay));
        assertThat(stored(oneByOne)).isEqualTo(stored(theLongWay));
        assertThat(stored(asTheWriterDoes)).isEqualTo(stored(theLongWay));
    }

    @Provide
    Arbitrary<List<Spec>> groups() {
        Arbitrary<ExpectedVersion> expected = Arbitraries.oneOf(
                Arbitraries.just(ExpectedVersion.any()),
                Arbitraries.just(ExpectedVersion.noStream()),
                Arbitraries.just(ExpectedVersion.streamExists()),
                Arbitraries.longs().between(0, 3).map(ExpectedVersion::exact));
        var spec = Combinators.combine(
                        Arbitraries.integers().between(0, STREAMS.size() - 1),
                        expected,
                        Arbitraries.integers().between(1, 3))
                .as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(12);
    }

    /** The appends of {@code specs}, with new event ids: the same objects go through every way. */
    private static List<PendingAppend> appends(List<Spec> specs) {
        var appends = new ArrayList<PendingAppend>();
        for (Spec spec : specs) {
            var events = new ArrayList<EventData>();
            for (int i = 0; i < spec.events(); i++) {
                events.add(EventData.of(TYPES.get(i % TYPES.size()), "{\"id\":\"" + UUID.randomUUID() + "\"}"));
            }
            appends.add(PendingAppend.of(STREAMS.get(spec.stream()), spec.expected(), List.copyOf(events)));
        }
        return appends;
    }

    private interface Way {
        Object[] write(Connection connection, PostgresDialect dialect, PostgresAppender types) throws Exception;
    }

    /** Resets {@code schema} to the seeded state, writes the group one way, and describes each outcome. */
    private static List<String> write(String schema, Way way) throws Exception {
        try (var connection = pool.getConnection()) {
            seed(connection, schema);
            var dialect = new PostgresDialect(schema);
            // A new appender each try: its cache of type keys must not outlive the truncated types.
            var outcomes = way.write(connection, dialect, new PostgresAppender(dialect));
            var described = new ArrayList<String>();
            for (Object outcome : outcomes) {
                described.add(describe(outcome));
            }
            return described;
        }
    }

    private static String describe(Object outcome) {
        return switch (outcome) {
            case AppendResult written -> "written, version " + written.streamVersion() + " at " + written.position();
            case VersionRefusal refused -> "refused, the stream is at " + refused.actualVersion();
            case RuntimeException other -> other.getClass().getSimpleName() + ": " + other.getMessage();
            default -> "unexpected outcome " + outcome;
        };
    }

    /**
     * desk-1 live at version 1, desk-2 soft-deleted at version 0 (its event hidden), desk-3 tombstoned, desk-4
     * live at version 0, desk-5 never written; the head at position 5.
     */
    private static void seed(Connection connection, String schema) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + schema + ".events, " + schema + ".streams, " + schema + ".event_types");
            statement.execute("INSERT INTO " + schema + ".event_types (type_id, name) VALUES (1, 'Seeded')");
            statement.execute("INSERT INTO " + schema + ".streams (stream_id, name, category, truncate_before, deleted)"
                    + " VALUES (1, 'desk-1', 'desk', 0, 0), (2, 'desk-2', 'desk', 1, 1), (3, 'desk-3', 'desk', 0, 2),"
                    + " (4, 'desk-4', 'desk', 0, 0)");
            statement.execute("INSERT INTO " + schema + ".events (position, stream_id, stream_version, event_id,"
                    + " type_id, schema_version, payload, metadata, recorded_at) SELECT p, s, v, gen_random_uuid(),"
                    + " 1, 1, '\\x7b7d'::bytea, NULL, p FROM (VALUES (1, 1, 0), (2, 2, 0), (3, 1, 1), (4, 3, 0),"
                    + " (5, 4, 0)) AS seeded(p, s, v)");
        }
    }

    /** Every stored event (stream, version, position, id, type) and every stream's state, in order. */
    private static List<String> stored(String schema) throws SQLException {
        var rows = new ArrayList<String>();
        try (var connection = pool.getConnection();
                var statement = connection.createStatement()) {
            try (var events = statement.executeQuery("SELECT s.name, e.stream_version, e.position, e.event_id, t.name"
                    + " FROM " + schema + ".events e JOIN " + schema + ".streams s USING (stream_id) JOIN " + schema
                    + ".event_types t USING (type_id) WHERE e.position > 5 ORDER BY e.position")) {
                while (events.next()) {
                    rows.add(events.getString(1) + " v" + events.getLong(2) + " at " + events.getLong(3) + " "
                            + events.getString(4) + " " + events.getString(5));
                }
            }
            try (var streams = statement.executeQuery("SELECT stream_id, name, category, truncate_before, deleted FROM "
                    + schema + ".streams ORDER BY stream_id")) {
                while (streams.next()) {
                    rows.add("stream " + streams.getLong(1) + " " + streams.getString(2) + " " + streams.getString(3)
                            + " truncated before " + streams.getLong(4) + ", deleted " + streams.getInt(5));
                }
            }
        }
        return rows;
    }
}

package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.DeletionMode;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.StreamInfo;
import dev.annals.store.WrongExpectedVersionException;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a lone append asks of the server (docs/adr/0041): one request in auto-commit, its commit included (the
 * fast path's plain statements, or a call of one of the schema's append functions); a lone event the fast
 * path could not write costs a second request, the call; only an append that may be an exact retry takes
 * the long way.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoneAppendRoundTripsTest {

    /** A lone append of one event calls the function with scalar arguments (migrations V10, V12). */
    private static final String CALL = ".append_one_event(";

    private static final String GROUP_CALL = ".append_group(";

    @Test
    void a_lone_append_is_one_request_with_its_commit() {
        withStore((store, log) -> {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
            store.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Dimmed", "{}"));

            assertThat(log.requests()).hasSize(2).allMatch(sql -> sql.contains(CALL));
        });
    }

    @Test
    void a_lone_event_of_a_known_type_to_a_live_stream_is_one_request_of_plain_statements() {
        withStore((store, log) -> {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
            log.clear();

            var exact = store.append("lamp-1", ExpectedVersion.exact(0), EventData.of("Lit", "{}"));
            var any = store.append("lamp-1", ExpectedVersion.any(), EventData.of("Lit", "{}"));
            var exists = store.append("lamp-1", ExpectedVersion.streamExists(), EventData.of("Lit", "{}"));

            assertThat(List.of(exact, any, exists))
                    .extracting(AppendResult::streamVersion, AppendResult::position)
                    .containsExactly(tuple(1L, 2L), tuple(2L, 3L), tuple(3L, 4L));
            assertThat(log.requests()).hasSize(3).allSatisfy(sql -> assertThat(sql)
                    .startsWith("SELECT pg_advisory_xact_lock")
                    .contains("INSERT INTO")
                    .contains("pg_notify")
                    .doesNotContain(CALL));
        });
    }

    @Test
    void the_fast_paths_statements_run_in_one_transaction() throws SQLException {
        // The fast path's lock is only worth anything if it is held until the insert after it commits: the
        // driver sends both statements before one Sync, and the server runs what comes before a Sync in one
        // implicit transaction. Asked the same way, two statements must answer the same transaction id.
        try (var pool = TestDatabase.smallPool();
                var connection = pool.getConnection();
                var statements = connection.prepareStatement("SELECT txid_current(); SELECT txid_current()")) {
            assertThat(connection.getAutoCommit()).isTrue();
            statements.execute();
            long first;
            try (var row = statements.getResultSet()) {
                row.next();
                first = row.getLong(1);
            }
            statements.getMoreResults();
            try (var row = statements.getResultSet()) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(first);
            }
        }
    }

    @Test
    void a_lone_event_the_fast_path_cannot_write_goes_on_to_the_call() {
        withStore((store, log) -> {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
            store.deleteStream("lamp-1", DeletionMode.SOFT);
            log.clear();

            assertThatThrownBy(() -> store.append("lamp-1", ExpectedVersion.exact(5), EventData.of("Lit", "{}")))
                    .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                            .isEqualTo(StreamInfo.NO_STREAM));
            // A soft-deleted stream lives again, at the version after its last.
            assertThat(store.append("lamp-1", ExpectedVersion.any(), EventData.of("Lit", "{}"))
                            .streamVersion())
                    .isEqualTo(1);

            assertThat(log.requests())
                    .hasSize(4)
                    .satisfiesExactly(
                            fast -> assertThat(fast).startsWith("SELECT pg_advisory_xact_lock"),
                            call -> assertThat(call).contains(CALL),
                            fast -> assertThat(fast).startsWith("SELECT pg_advisory_xact_lock"),
                            call -> assertThat(call).contains(CALL));
        });
    }

    @Test
    void a_lone_append_of_a_few_events_is_one_request_of_the_group_function() {
        withStore((store, log) -> {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"), EventData.of("Dimmed", "{}"));

            assertThat(log.requests()).singleElement().asString().contains(GROUP_CALL);
            assertThat(store.append("lamp-1", ExpectedVersion.exact(1), EventData.of("Off", "{}"))
                            .streamVersion())
                    .isEqualTo(2);
        });
    }

    @Test
    void a_refused_append_is_one_request_too() {
        withStore((store, log) -> {
            store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}"));
            log.clear();

            assertThatThrownBy(() -> store.append("lamp-1", ExpectedVersion.noStream(), EventData.of("Lit", "{}")))
                    .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                            .isZero());
            assertThat(log.requests()).singleElement().asString().contains(CALL);
        });
    }

    @Test
    void an_exact_retry_takes_the_long_way_and_gets_its_first_result() {
        withStore((store, log) -> {
            var lit = EventData.of("Lit", "{}");
            var first = store.append("lamp-1", ExpectedVersion.noStream(), lit);
            log.clear();

            assertThat(store.append("lamp-1", ExpectedVersion.noStream(), lit)).isEqualTo(first);
            assertThat(log.requests().getFirst()).contains(CALL);
            assertThat(log.requests()).hasSizeGreaterThan(2).contains("COMMIT");
        });
    }

    @Test
    void a_lone_append_of_a_hundred_events_is_one_request_of_the_group_function() {
        withStore((store, log) -> {
            assertThat(store.append("lamp-1", ExpectedVersion.noStream(), events(100))
                            .streamVersion())
                    .isEqualTo(99);

            assertThat(log.requests()).singleElement().asString().contains(GROUP_CALL);
        });
    }

    @Test
    void a_large_append_takes_the_lock_with_its_reads_and_notifies_with_its_commit() {
        withStore((store, log) -> {
            // The first append also looks its event type up; the writer remembers it from then on.
            store.append("lamp-1", ExpectedVersion.noStream(), events(600));
            log.clear();

            assertThat(store.append("lamp-1", ExpectedVersion.exact(599), events(600))
                            .streamVersion())
                    .isEqualTo(1199);

            // The driver's own COMMIT after the combined one only settles its state: it sends nothing.
            assertThat(log.requests())
                    .filteredOn(sql -> !sql.equals("COMMIT"))
                    .satisfiesExactly(
                            lockAndReads -> assertThat(lockAndReads)
                                    .contains("pg_advisory_xact_lock")
                                    .contains(".streams")
                                    .contains("ORDER BY position DESC"),
                            inserts -> assertThat(inserts).startsWith("INSERT INTO"),
                            commit -> assertThat(commit).contains("pg_notify").endsWith("COMMIT"));
        });
    }

    /**
     * {@code count} events; more than a lone append takes to the append function (512, docs/adr/0041) go the long
     * way.
     */
    private static java.util.List<EventData> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> EventData.of("Dimmed", "{}"))
                .toList();
    }

    /** A test's steps, given a store in a new schema and the log of what it asks of the server. */
    private interface Steps {
        void run(PostgresEventStore store, RequestLog log);
    }

    /** Runs {@code steps} with the log cleared after the store opened (and migrated its schema). */
    private static void withStore(Steps steps) {
        try (var pool = TestDatabase.smallPool()) {
            var log = new RequestLog(pool);
            try (var store = PostgresEventStore.open(
                    log.dataSource(), TestDatabase.newOptions().withListen(false))) {
                log.clear();
                steps.run(store, log);
            }
        }
    }
}

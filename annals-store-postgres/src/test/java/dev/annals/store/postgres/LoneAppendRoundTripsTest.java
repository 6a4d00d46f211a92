package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a lone append asks of the server (docs/adr/0041): one call of one of the schema's append functions
 * in auto-commit, its commit included; only an append that may be an exact retry takes the long way.
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
    void a_large_append_takes_the_lock_with_its_reads_and_notifies_with_its_commit() {
        withStore((store, log) -> {
            // The first append also looks its event type up; the writer remembers it from then on.
            store.append("lamp-1", ExpectedVersion.noStream(), hundredEvents());
            log.clear();

            assertThat(store.append("lamp-1", ExpectedVersion.exact(99), hundredEvents())
                            .streamVersion())
                    .isEqualTo(199);

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

    /** More events than the append function takes (docs/adr/0041): they go the long way. */
    private static java.util.List<EventData> hundredEvents() {
        return IntStream.range(0, 100)
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

package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.audit.AuditReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import dev.annals.store.postgres.internal.PostgresDialect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail on PostgreSQL: verify seals what was appended since its last run and finds any sealed
 * event changed, removed or reordered afterwards, with the same hash chain as the embedded store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresAuditTrailTest {

    private final String schema = TestDatabase.newSchema();
    private final PostgresAddress address = PostgresAddress.parse(
            TestDatabase.URL.replaceFirst("^jdbc:", "") + (TestDatabase.URL.contains("?") ? "&" : "?")
                    + "schema=" + schema);
    private AuditReport first;

    @BeforeEach
    void five_events_sealed_by_a_first_verify() {
        try (var store = PostgresEventStore.open(address)) {
            for (int i = 1; i <= 5; i++) {
                store.append("account-" + (i % 2), ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":" + i + "}"));
            }
        }
        first = PostgresAuditTrail.open(address).verify();
    }

    @Test
    void a_first_verify_seals_every_event_and_the_next_checks_them_with_the_same_head_hash() {
        assertThat(first.intact()).isTrue();
        assertThat(first.sealed()).isEqualTo(5);
        assertThat(first.headPosition()).isEqualTo(5);

        var again = PostgresAuditTrail.open(address).verify();

        assertThat(again.intact()).isTrue();
        assertThat(again.verified()).isEqualTo(5);
        assertThat(again.sealed()).isZero();
        assertThat(again.headHash()).isEqualTo(first.headHash()).hasSize(64);
    }

    @Test
    void events_appended_after_a_verify_are_sealed_by_the_next_one() {
        try (var store = PostgresEventStore.open(address)) {
            store.append("account-9", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":6}"));
            var report = PostgresAuditTrail.of(store).verify();

            assertThat(report.verified()).isEqualTo(5);
            assertThat(report.sealed()).isEqualTo(1);
            assertThat(report.headPosition()).isEqualTo(6);
            assertThat(report.headHash()).isNotEqualTo(first.headHash());
        }
    }

    @Test
    void a_changed_sealed_event_breaks_the_chain_at_its_position_and_nothing_new_is_sealed() throws SQLException {
        sql("UPDATE " + schema + ".events SET payload = convert_to('{\"amount\":300}', 'UTF8') WHERE position = 3");
        try (var store = PostgresEventStore.open(address)) {
            store.append("account-9", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":6}"));
        }

        var report = PostgresAuditTrail.open(address).verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("does not match its sealed hash");
        assertThat(report.verified()).isEqualTo(2);
        assertThat(report.sealed()).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".event_hashes")).isEqualTo(5);
    }

    @Test
    void a_removed_sealed_event_is_found() throws SQLException {
        sql("DELETE FROM " + schema + ".events WHERE position = 2");

        var report = PostgresAuditTrail.open(address).verify();

        assertThat(report.firstBroken()).hasValue(2);
        assertThat(report.problem()).contains("removed");
    }

    @Test
    void a_changed_hash_is_found() throws SQLException {
        sql("UPDATE " + schema + ".event_hashes SET hash = decode(repeat('00', 32), 'hex') WHERE position = 4");

        var report = PostgresAuditTrail.open(address).verify();

        assertThat(report.firstBroken()).hasValue(4);
    }

    @Test
    void an_audit_under_way_holds_back_another_audit_but_no_append() throws Exception {
        // Holds the audit lock as a running verify does: its transaction opened by the dialect's statements.
        try (var auditor = TestDatabase.connect(); var statement = auditor.createStatement()) {
            for (String sql : new PostgresDialect(schema).beginAudit()) {
                statement.execute(sql);
            }
            try (var store = PostgresEventStore.open(address)) {
                var appended = CompletableFuture.supplyAsync(() -> store.append("account-7", ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":7}")));
                assertThat(appended.get(10, TimeUnit.SECONDS).position()).isEqualTo(6);

                var second = CompletableFuture.supplyAsync(() -> PostgresAuditTrail.open(address).verify());
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());

                statement.execute("ROLLBACK");
                var report = second.get(10, TimeUnit.SECONDS);
                assertThat(report.intact()).isTrue();
                assertThat(report.sealed()).isEqualTo(1);
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (var connection = TestDatabase.connect(); var execute = connection.createStatement()) {
            execute.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement();
             var row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}

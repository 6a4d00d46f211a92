package dev.annals.store.postgres;

import dev.annals.event.EventData;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.internal.PostgresDialect;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ADR 0016 promises of PostgreSQL's audit lock, beside the contract ({@link PostgresAuditTrailTest}):
 * while an audit holds it, an append goes through and a second audit waits, then seals what was appended.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresAuditLockTest {

    private final String schema = TestDatabase.newSchema();
    private final PostgresAddress address = TestDatabase.address(schema);

    @Test
    void an_audit_under_way_holds_back_another_audit_but_no_append() throws Exception {
        try (var store = PostgresEventStore.open(address)) {
            for (int i = 1; i <= 5; i++) {
                store.append(
                        "account-" + (i % 2),
                        ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":" + i + "}"));
            }
        }
        assertThat(PostgresAuditTrail.open(address).verify().sealed()).isEqualTo(5);
        // Holds the audit lock as a running verify does: its transaction opened by the dialect's statements.
        try (var auditor = TestDatabase.connect();
                var statement = auditor.createStatement()) {
            for (String sql : new PostgresDialect(schema).beginAudit()) {
                statement.execute(sql);
            }
            try (var store = PostgresEventStore.open(address)) {
                var appended = CompletableFuture.supplyAsync(() ->
                        store.append("account-7", ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":7}")));
                assertThat(appended.get(10, TimeUnit.SECONDS).position()).isEqualTo(6);

                var second = CompletableFuture.supplyAsync(
                        () -> PostgresAuditTrail.open(address).verify());
                await().during(Duration.ofMillis(300))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> !second.isDone());

                statement.execute("ROLLBACK");
                var report = second.get(10, TimeUnit.SECONDS);
                assertThat(report.intact()).isTrue();
                assertThat(report.sealed()).isEqualTo(1);
            }
        }
    }
}

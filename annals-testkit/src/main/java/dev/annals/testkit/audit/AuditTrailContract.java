package dev.annals.testkit.audit;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.event.EventData;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store's {@link AuditTrail} must do (docs/audit-trail.md); a backend's test is a subclass that
 * opens its store, its audit trail and a plain connection to tamper with, and says when it seals.
 *
 * <p><b>The one known difference between backends</b> is when an event is <em>sealed</em> (its hash written):
 * a backend that {@link #sealsOnAppend() seals on append} (SQLite) writes the hash in the transaction that
 * appends the event, so an event is protected from its commit on and a first verify only checks; one that
 * seals on verify (PostgreSQL) leaves that to the next {@link AuditTrail#verify()}, so an event changed
 * between its append and that verify is sealed as it then is, and goes unnoticed. The tests that touch it
 * assert the behaviour of the mode the backend declares, so that both modes are pinned and none is skipped.
 *
 * <p>Everything else is the same on every backend: a chain over untouched events verifies with a stable head
 * hash; a changed payload or time, a removed event, an event without its hash below the sealed head, a
 * changed hash and reordered events are each found at the first broken position; nothing is sealed while the
 * chain is broken; appends during a verify end up in the chain.
 *
 * <p>Every test starts from an empty store and holds it open only while it appends (a test closes what
 * {@link #openStore()} gives it), so that the tampering of {@link #database()} never meets an open writer.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class AuditTrailContract {

    /**
     * Opens the test's store: the first call of a test creates it empty, later calls open the same store
     * again. The test closes each.
     */
    protected abstract EventStore openStore();

    /**
     * The audit trail of the test's store, opened from outside it as the CLI opens it (once per test is
     * enough; tests call this often); called after {@link #openStore()}.
     */
    protected abstract AuditTrail auditTrail();

    /**
     * True when an append seals its events in its own transaction (SQLite); false when {@link AuditTrail#verify()}
     * seals the events appended since its last run (PostgreSQL).
     */
    protected abstract boolean sealsOnAppend();

    /**
     * A plain connection to the test store's database in auto-commit mode, on which its tables go by their
     * plain names ({@code events}, {@code event_hashes}): how the tests tamper. The test closes it.
     */
    protected abstract Connection database() throws SQLException;

    /** Five events, at positions 1 to 5, in two streams; the store is closed again. */
    private void appendFive() {
        try (var store = openStore()) {
            for (int i = 1; i <= 5; i++) {
                store.append(
                        "account-" + (i % 2),
                        ExpectedVersion.any(),
                        EventData.of("Deposited", "{\"amount\":" + i + ",\"memo\":\"Zebediah-" + i + "\"}"));
            }
        }
    }

    /** Five events, sealed whichever way the backend seals: by their appends, or by a first verify. */
    private AuditReport fiveSealed() {
        appendFive();
        var first = auditTrail().verify();
        assertThat(first.intact()).as("the untouched chain: %s", first).isTrue();
        return first;
    }

    private void appendOne(String stream, int amount) {
        try (var store = openStore()) {
            store.append(stream, ExpectedVersion.any(), EventData.of("Deposited", "{\"amount\":" + amount + "}"));
        }
    }

    /** Runs {@code sql} on the store's database, binding {@code parameters} in order. */
    protected final void tamper(String sql, Object... parameters) throws SQLException {
        try (var connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = database();
                var statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_first_verify_checks_the_events_appends_sealed_or_seals_the_events_they_did_not() {
        appendFive();

        var first = auditTrail().verify();

        assertThat(first.intact()).isTrue();
        assertThat(first.headPosition()).isEqualTo(5);
        assertThat(first.headHash()).hasSize(64).isNotEqualTo("0".repeat(64));
        if (sealsOnAppend()) {
            assertThat(first.verified())
                    .as("sealed by their appends: verify only checks them")
                    .isEqualTo(5);
            assertThat(first.sealed()).isZero();
        } else {
            assertThat(first.verified())
                    .as("nothing sealed before the first verify")
                    .isZero();
            assertThat(first.sealed()).isEqualTo(5);
        }
    }

    @Test
    void an_untouched_store_verifies_again_with_the_same_head_hash() {
        var first = fiveSealed();

        var again = auditTrail().verify();

        assertThat(again.intact()).isTrue();
        assertThat(again.verified()).isEqualTo(5);
        assertThat(again.sealed()).isZero();
        assertThat(again.headHash()).isEqualTo(first.headHash());
        assertThat(again.headPosition()).isEqualTo(5);
    }

    @Test
    void events_appended_after_a_verify_are_in_the_chain_the_next_verify_checks() {
        var first = fiveSealed();
        appendOne("account-9", 6);

        var next = auditTrail().verify();

        assertThat(next.intact()).isTrue();
        assertThat(next.headPosition()).isEqualTo(6);
        assertThat(next.headHash()).isNotEqualTo(first.headHash());
        assertThat(next.verified() + next.sealed()).isEqualTo(6);
        assertThat(next.sealed()).isEqualTo(sealsOnAppend() ? 0 : 1);
    }

    @Test
    void an_event_changed_before_the_first_verify_is_found_only_where_appends_seal() throws SQLException {
        appendFive();
        tamper("UPDATE events SET payload = ? WHERE position = 3", utf8("{\"amount\":300}"));

        var report = auditTrail().verify();

        if (sealsOnAppend()) {
            assertThat(report.firstBroken()).as("its append sealed it").hasValue(3);
            assertThat(report.problem()).contains("does not match its sealed hash");
        } else {
            assertThat(report.intact())
                    .as("sealed by this verify as it now is: protected from here on")
                    .isTrue();
            assertThat(report.sealed()).isEqualTo(5);
        }
    }

    @Test
    void a_changed_payload_breaks_the_chain_at_its_position() throws SQLException {
        fiveSealed();
        tamper("UPDATE events SET payload = ? WHERE position = 3", utf8("{\"amount\":300}"));

        var report = auditTrail().verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("does not match its sealed hash");
        assertThat(report.verified()).isEqualTo(2);
        assertThat(report.sealed()).isZero();
        assertThat(report.intact()).isFalse();
    }

    @Test
    void each_event_of_a_long_append_is_in_the_chain_at_its_own_position() throws SQLException {
        // Longer than one multi-row insert of a store that writes its events in chunks, with a remainder.
        var events = new ArrayList<EventData>();
        for (int i = 1; i <= 37; i++) {
            events.add(EventData.of("Deposited", "{\"amount\":" + i + "}"));
        }
        try (var store = openStore()) {
            store.append("account-1", ExpectedVersion.noStream(), events);
        }
        var first = auditTrail().verify();
        assertThat(first.intact()).as("the untouched chain: %s", first).isTrue();
        assertThat(first.verified() + first.sealed()).isEqualTo(37);
        assertThat(first.sealed()).isEqualTo(sealsOnAppend() ? 0 : 37);
        tamper("UPDATE events SET payload = ? WHERE position = 20", utf8("{\"amount\":2000}"));

        var report = auditTrail().verify();

        assertThat(report.firstBroken()).hasValue(20);
        assertThat(report.verified()).isEqualTo(19);
    }

    @Test
    void a_changed_time_is_found_at_its_position() throws SQLException {
        fiveSealed();
        tamper("UPDATE events SET recorded_at = recorded_at + 1 WHERE position = 4");

        assertThat(auditTrail().verify().firstBroken()).hasValue(4);
    }

    @Test
    void a_removed_event_is_found_at_its_position() throws SQLException {
        fiveSealed();
        tamper("DELETE FROM events WHERE position = 2");

        var report = auditTrail().verify();

        assertThat(report.firstBroken()).hasValue(2);
        assertThat(report.problem()).contains("removed");
    }

    @Test
    void an_event_without_its_hash_below_the_sealed_head_is_found_as_inserted() throws SQLException {
        fiveSealed();
        tamper("DELETE FROM event_hashes WHERE position = 3");
        tamper("UPDATE events SET payload = ? WHERE position = 3", utf8("{\"amount\":1000000}"));

        var report = auditTrail().verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void a_changed_hash_is_found_at_its_position() throws SQLException {
        fiveSealed();
        tamper("UPDATE event_hashes SET hash = ? WHERE position = 4", (Object) new byte[32]);

        assertThat(auditTrail().verify().firstBroken()).hasValue(4);
    }

    @Test
    void reordered_events_are_found_at_the_first_moved_position() throws SQLException {
        fiveSealed();
        tamper("UPDATE events SET position = -2 WHERE position = 2");
        tamper("UPDATE events SET position = 2 WHERE position = 4");
        tamper("UPDATE events SET position = 4 WHERE position = -2");

        assertThat(auditTrail().verify().firstBroken()).hasValue(2);
    }

    @Test
    void nothing_is_sealed_while_the_chain_is_broken() throws SQLException {
        fiveSealed();
        tamper("UPDATE events SET payload = ? WHERE position = 3", utf8("{\"amount\":300}"));
        appendOne("account-9", 6);

        var report = auditTrail().verify();

        assertThat(report.firstBroken()).hasValue(3);
        assertThat(report.sealed()).isZero();
        assertThat(count("SELECT COUNT(*) FROM event_hashes"))
                .as("the new event sealed by its append, or left for a verify of an intact chain")
                .isEqualTo(sealsOnAppend() ? 6 : 5);
        assertThat(auditTrail().verify().firstBroken())
                .as("still broken on the next run")
                .hasValue(3);
    }

    @Test
    void events_appended_while_verifies_run_all_end_up_in_an_intact_chain() throws Exception {
        fiveSealed();
        var reports = new ArrayList<AuditReport>();
        try (var store = openStore()) {
            var appends = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    store.append(
                            "account-" + (i % 3),
                            ExpectedVersion.any(),
                            EventData.of("Deposited", "{\"amount\":" + i + "}"));
                }
            });
            while (!appends.isDone()) {
                reports.add(auditTrail().verify());
            }
            appends.get(30, TimeUnit.SECONDS);
        }

        var after = auditTrail().verify();
        var last = auditTrail().verify();

        assertThat(reports)
                .allSatisfy(
                        report -> assertThat(report.intact()).as("%s", report).isTrue());
        assertThat(after.intact()).isTrue();
        assertThat(after.headPosition()).isEqualTo(25);
        assertThat(after.verified() + after.sealed()).isEqualTo(25);
        assertThat(last.verified()).isEqualTo(25);
        assertThat(last.sealed()).isZero();
        assertThat(last.headHash()).isEqualTo(after.headHash());
    }
}

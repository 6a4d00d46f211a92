package dev.annals.drill.check;

import dev.annals.drill.load.Ack;
import dev.annals.drill.load.DrillEvent;
import dev.annals.drill.load.Ledger;
import dev.annals.event.Metadata;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker finds what it is for: a lost ack, a duplicate delivery, a read model that differs, money. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InvariantsTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Ledger ledger = new Ledger();
    private final List<SubscriberLog.Received> deliveries = new ArrayList<>();

    private Ack deposit(String stream, long version, long cents) {
        var event = DrillEvent.codec().encode(new DrillEvent.Deposited(cents), Metadata.empty());
        var result = store.append(
                stream, version < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version), List.of(event));
        deliveries.add(new SubscriberLog.Received(result.position(), event.eventId()));
        return new Ack(stream, result.streamVersion(), result.position(), cents, List.of(event.eventId()));
    }

    private Evidence evidence(ReadModelView.Snapshot model) {
        SubscriberLog subscriber =
                from -> List.copyOf(deliveries.subList(Math.min(from, deliveries.size()), deliveries.size()));
        ReadModelView view = new ReadModelView() {
            @Override
            public String name() {
                return "test model";
            }

            @Override
            public Snapshot snapshot() {
                return model;
            }
        };
        return new Evidence(store, ledger, List.of(subscriber), List.of(view), Optional.empty());
    }

    @Test
    void finds_nothing_wrong_when_the_log_the_subscriber_and_the_read_model_agree() throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        ledger.accept(deposit("drill-t-0", 0, 5));
        var checker = new Invariants("drill-t-", 0);

        checker.incremental(evidence(new ReadModelView.Snapshot(2, Map.of("drill-t-0", 15L))));
        checker.full(evidence(new ReadModelView.Snapshot(2, Map.of("drill-t-0", 15L))));

        assertThat(checker.violations()).isEmpty();
        assertThat(checker.checkedThrough()).isEqualTo(2);
    }

    @Test
    void counts_an_acknowledged_event_missing_from_the_log_as_lost() throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        ledger.accept(new Ack("drill-t-0", 1, 1, 7, List.of(UUID.randomUUID())));
        var checker = new Invariants("drill-t-", 0);

        checker.incremental(evidence(new ReadModelView.Snapshot(1, Map.of("drill-t-0", 10L))));

        assertThat(checker.lost()).isEqualTo(1);
        assertThat(checker.violations()).anySatisfy(text -> assertThat(text).contains("is not in the log"));
    }

    @Test
    void counts_a_delivery_seen_twice_as_duplicated() throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        deliveries.add(deliveries.getFirst());
        var checker = new Invariants("drill-t-", 0);

        checker.incremental(evidence(new ReadModelView.Snapshot(1, Map.of("drill-t-0", 10L))));

        assertThat(checker.duplicated()).isEqualTo(1);
    }

    @Test
    void reports_a_read_model_that_created_money() throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        var checker = new Invariants("drill-t-", 0);

        checker.full(evidence(new ReadModelView.Snapshot(1, Map.of("drill-t-0", 11L))));

        assertThat(checker.violations())
                .anySatisfy(text -> assertThat(text).startsWith("money: read model test model holds 11 cents"))
                .anySatisfy(text -> assertThat(text).contains("differs from a clean rebuild"));
    }

    @Test
    void finds_an_event_applied_twice_or_skipped_by_a_read_model_that_counts_them_even_when_money_adds_up()
            throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        ledger.accept(deposit("drill-t-0", 0, 0));
        ledger.accept(deposit("drill-t-1", -1, 0));
        var checker = new Invariants("drill-t-", 0);

        // Balances right: the events of 0 cents applied twice and skipped change no amount.
        checker.full(evidence(new ReadModelView.Snapshot(
                3, Map.of("drill-t-0", 10L, "drill-t-1", 0L), Map.of("drill-t-0", 3L, "drill-t-1", 0L))));

        assertThat(checker.violations())
                .containsExactly(
                        "read model test model applied 3 events of drill-t-0 where the log has 2 through position 3:"
                                + " applied twice",
                        "read model test model applied 0 events of drill-t-1 where the log has 1 through position 3:"
                                + " skipped");
        assertThat(checker.duplicated()).isEqualTo(1);
    }

    @Test
    void compares_a_segment_of_a_read_model_with_its_own_streams_only() throws Exception {
        ledger.accept(deposit("drill-t-0", -1, 10));
        ledger.accept(deposit("drill-t-1", -1, 7));
        ledger.accept(deposit("drill-t-0", 0, 5));
        var checker = new Invariants("drill-t-", 0);
        var segmentOfZero = new ReadModelView.Snapshot(3, Map.of("drill-t-0", 15L), Map.of("drill-t-0", 2L))
                .covering(stream -> stream.equals("drill-t-0"));

        checker.full(evidence(segmentOfZero));
        assertThat(checker.violations()).isEmpty();

        checker.full(evidence(
                new ReadModelView.Snapshot(3, Map.of(), Map.of()).covering(stream -> stream.equals("drill-t-0"))));
        assertThat(checker.violations())
                .anySatisfy(text -> assertThat(text).startsWith("money: read model test model holds 0 cents"))
                .anySatisfy(text -> assertThat(text).endsWith("where the log has 2 through position 3: skipped"))
                .noneSatisfy(text -> assertThat(text).contains("drill-t-1"));
    }
}

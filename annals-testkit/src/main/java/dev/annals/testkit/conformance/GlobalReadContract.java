package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.testkit.conformance.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads by global position: every event ({@code $all}), one category (the stream name before its first
 * {@code -}), one event type; forward or backward, from a position, up to a limit.
 */
abstract class GlobalReadContract extends StoreContract {

    /**
     * Positions: 1 account-1 Opened, 2 accounts-1 Opened, 3 account Audited, 4 account-2 Opened,
     * 5 account-1 Deposited, 6 transfer-1 Started, 7 account-2-x Deposited, 8 account-1 Closed.
     */
    @BeforeEach
    final void appendAcrossCategories() {
        store.append("account-1", any(), event("Opened"));
        store.append("accounts-1", any(), event("Opened"));
        store.append("account", any(), event("Audited"));
        store.append("account-2", any(), event("Opened"));
        store.append("account-1", any(), event("Deposited"));
        store.append("transfer-1", any(), event("Started"));
        store.append("account-2-x", any(), event("Deposited"));
        store.append("account-1", any(), event("Closed"));
    }

    @Test
    void reads_every_event_in_global_order() {
        assertThat(positions(new ReadSource.All(), Direction.FORWARD, 0, ReadRequest.NO_LIMIT))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        try (var events = store.readAll(6)) {
            assertThat(events.map(RecordedEvent::position).toList()).containsExactly(6L, 7L, 8L);
        }
    }

    @Test
    void reads_every_event_forward_from_a_position_up_to_a_limit() {
        assertThat(positions(new ReadSource.All(), Direction.FORWARD, 3, 2)).containsExactly(3L, 4L);
        assertThat(positions(new ReadSource.All(), Direction.FORWARD, 8, 5)).containsExactly(8L);
        assertThat(positions(new ReadSource.All(), Direction.FORWARD, 9, 5)).isEmpty();
    }

    @Test
    void reads_every_event_backward_from_a_position_up_to_a_limit() {
        assertThat(positions(new ReadSource.All(), Direction.BACKWARD, ReadRequest.END, 3))
                .containsExactly(8L, 7L, 6L);
        assertThat(positions(new ReadSource.All(), Direction.BACKWARD, 4, 10)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(positions(new ReadSource.All(), Direction.BACKWARD, 100, 1)).containsExactly(8L);
        assertThat(positions(new ReadSource.All(), Direction.BACKWARD, 0, 10)).isEmpty();
    }

    @Test
    void reads_a_category_as_the_streams_named_before_their_first_dash() {
        var account = new ReadSource.Category("account");

        assertThat(positions(account, Direction.FORWARD, 0, ReadRequest.NO_LIMIT))
                .containsExactly(1L, 3L, 4L, 5L, 7L, 8L);
        assertThat(read(ReadRequest.forward(account)))
                .extracting(RecordedEvent::stream)
                .containsExactly("account-1", "account", "account-2", "account-1", "account-2-x", "account-1");
        assertThat(positions(new ReadSource.Category("accounts"), Direction.FORWARD, 0, 10))
                .containsExactly(2L);
        assertThat(positions(new ReadSource.Category("account-2"), Direction.FORWARD, 0, 10))
                .isEmpty();
    }

    @Test
    void a_category_holds_exactly_the_names_whose_part_before_the_first_dash_is_it() {
        for (String stream : List.of(
                "account--1",
                "account-",
                "account.1",
                "account!",
                "accountant-1",
                "accoun-1",
                "account-1.5",
                "account0")) {
            store.append(stream, any(), event("Opened"));
        }

        assertThat(read(new ReadRequest(new ReadSource.Category("account"), Direction.FORWARD, 9, 100)))
                .extracting(RecordedEvent::stream)
                .containsExactly("account--1", "account-", "account-1.5");
        assertThat(read(new ReadRequest(new ReadSource.Category("account"), Direction.BACKWARD, ReadRequest.END, 3)))
                .extracting(RecordedEvent::stream)
                .containsExactly("account-1.5", "account-", "account--1");
        assertThat(read(ReadRequest.forward(new ReadSource.Category("account.1"))))
                .extracting(RecordedEvent::stream)
                .containsExactly("account.1");
        assertThat(read(ReadRequest.forward(new ReadSource.Category("account!"))))
                .extracting(RecordedEvent::stream)
                .containsExactly("account!");
        assertThat(read(ReadRequest.forward(new ReadSource.Category("accountant"))))
                .extracting(RecordedEvent::stream)
                .containsExactly("accountant-1");
        assertThat(read(ReadRequest.forward(new ReadSource.Category("account-"))))
                .isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.Category("account--1"))))
                .isEmpty();
    }

    @Test
    void reads_a_category_from_a_position_in_both_directions() {
        var account = new ReadSource.Category("account");

        assertThat(positions(account, Direction.FORWARD, 4, 3)).containsExactly(4L, 5L, 7L);
        assertThat(positions(account, Direction.BACKWARD, 6, 3)).containsExactly(5L, 4L, 3L);
        assertThat(positions(account, Direction.BACKWARD, ReadRequest.END, 2)).containsExactly(8L, 7L);
        try (var events = store.readCategory("transfer", 0)) {
            assertThat(events.map(RecordedEvent::stream).toList()).containsExactly("transfer-1");
        }
    }

    @Test
    void reads_one_event_type_in_global_order_in_both_directions() {
        var opened = new ReadSource.EventType("Opened");

        assertThat(positions(opened, Direction.FORWARD, 0, ReadRequest.NO_LIMIT))
                .containsExactly(1L, 2L, 4L);
        assertThat(positions(opened, Direction.FORWARD, 2, 1)).containsExactly(2L);
        assertThat(positions(opened, Direction.BACKWARD, 3, 10)).containsExactly(2L, 1L);
        try (var events = store.readEventType("Deposited", 6)) {
            assertThat(events.map(RecordedEvent::position).toList()).containsExactly(7L);
        }
    }

    @Test
    void reads_unknown_categories_and_types_as_empty() {
        assertThat(read(ReadRequest.forward(new ReadSource.Category("order")))).isEmpty();
        assertThat(read(ReadRequest.backward(new ReadSource.Category("acc")))).isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.EventType("Withdrawn"))))
                .isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.EventType("opened"))))
                .isEmpty();
    }

    @Test
    void matches_categories_and_types_literally_without_wildcards() {
        assertThat(read(ReadRequest.forward(new ReadSource.Category("acc_unt"))))
                .isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.Category("acc%")))).isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.Category("ACCOUNT"))))
                .isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.EventType("Open%")))).isEmpty();
        assertThat(read(ReadRequest.forward(new ReadSource.EventType("Opene_"))))
                .isEmpty();
    }

    private List<Long> positions(ReadSource source, Direction direction, long from, long limit) {
        return read(new ReadRequest(source, direction, from, limit)).stream()
                .map(RecordedEvent::position)
                .toList();
    }
}

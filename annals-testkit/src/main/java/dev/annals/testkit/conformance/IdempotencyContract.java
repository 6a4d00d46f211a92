package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.store.AppendResult;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.store.ExpectedVersion.exact;
import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries: the same event ids with the same content return the original result and write nothing;
 * ids reused any other way are refused with {@link EventIdConflictException} and write nothing.
 */
abstract class IdempotencyContract extends StoreContract {

    @Test
    void returns_the_original_result_for_an_exact_retry_and_writes_nothing() {
        var batch = events(2, "Deposited");
        var original = store.append("account-1", noStream(), batch);
        var before = state();

        var retried = store.append("account-1", noStream(), batch);

        assertThat(retried).isEqualTo(original);
        assertUnchangedSince(before);
    }

    @Test
    void returns_the_original_result_for_a_retry_after_the_stream_moved_on() {
        store.append("account-1", noStream(), event("Opened"));
        var batch = events(2, "Deposited");
        var original = store.append("account-1", exact(0), batch);
        store.append("account-1", exact(2), event("Withdrawn"));
        store.append("account-2", noStream(), event("Opened"));
        var before = state();

        var retried = store.append("account-1", exact(0), batch);

        assertThat(retried).isEqualTo(original).isEqualTo(new AppendResult(2, 3));
        assertUnchangedSince(before);
    }

    @Test
    void returns_the_original_result_for_a_retry_with_any_expected_version() {
        var event = event("Opened");
        var original = store.append("account-1", noStream(), event);
        store.append("account-1", any(), event("Deposited"));

        assertThat(store.append("account-1", any(), event)).isEqualTo(original);
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void returns_the_original_result_for_a_retry_of_an_equal_copy_of_the_events() {
        var event = event("Opened");
        var original = store.append("account-1", noStream(), event);
        var copy = new EventData(
                event.eventId(),
                event.type(),
                event.schemaVersion(),
                event.payloadAsString().getBytes(StandardCharsets.UTF_8),
                event.metadata());

        assertThat(store.append("account-1", noStream(), copy)).isEqualTo(original);
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @ParameterizedTest(name = "the {0} differs")
    @ValueSource(strings = {"type", "schema version", "payload", "metadata"})
    void refuses_a_reused_id_whose_content_differs(String difference) {
        var original = event("Opened");
        store.append("account-1", noStream(), original);
        var before = state();
        var changed =
                switch (difference) {
                    case "type" ->
                        new EventData(original.eventId(), "Closed", 1, original.payload(), original.metadata());
                    case "schema version" ->
                        new EventData(original.eventId(), original.type(), 2, original.payload(), original.metadata());
                    case "payload" ->
                        new EventData(
                                original.eventId(),
                                original.type(),
                                1,
                                "{\"seq\":-1}".getBytes(StandardCharsets.UTF_8),
                                original.metadata());
                    default -> original.withMetadata(original.metadata().withUser("mallory"));
                };

        assertConflict("account-1", ExpectedVersion.any(), List.of(changed), original.eventId());
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_id_stored_in_another_stream() {
        var event = event("Opened");
        store.append("account-1", noStream(), event);
        var before = state();

        assertConflict("account-2", noStream(), List.of(event), event.eventId());
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_append_mixing_stored_and_new_ids_and_writes_none_of_them() {
        var stored = event("Opened");
        store.append("account-1", noStream(), stored);
        var before = state();

        assertConflict("account-1", any(), List.of(stored, event("Deposited")), stored.eventId());
        assertConflict("account-1", any(), List.of(event("Deposited"), stored), stored.eventId());
        assertUnchangedSince(before);
    }

    @Test
    void returns_the_original_result_for_an_exact_retry_of_a_long_append() {
        store.append("account-1", noStream(), event("Opened"));
        var batch = events(37, "Deposited");
        var original = store.append("account-1", exact(0), batch);
        var before = state();

        assertThat(store.append("account-1", exact(0), batch)).isEqualTo(original);
        assertThat(original).isEqualTo(new AppendResult(37, 38));
        assertUnchangedSince(before);
    }

    @ParameterizedTest(name = "the stored id is event {0} of 37")
    @ValueSource(ints = {0, 15, 16, 33, 36})
    void refuses_a_long_append_reusing_a_stored_id_anywhere_and_writes_none_of_it(int index) {
        var stored = event("Opened");
        store.append("account-1", noStream(), stored);
        var before = state();
        var batch = new ArrayList<>(events(37, "Deposited"));
        batch.set(index, stored);

        assertConflict("account-2", noStream(), batch, stored.eventId());
        assertUnchangedSince(before);
        assertThat(store.append("account-2", noStream(), events(37, "Deposited")))
                .as("the refused append left no row, key or version behind")
                .isEqualTo(new AppendResult(36, 38));
    }

    @Test
    void refuses_stored_ids_in_another_order_than_they_were_appended() {
        var first = event("Opened");
        var second = event("Deposited");
        store.append("account-1", noStream(), first, second);
        var before = state();

        assertThatThrownBy(() -> store.append("account-1", any(), second, first))
                .isInstanceOf(EventIdConflictException.class);
        assertUnchangedSince(before);
    }

    @Test
    void keeps_ids_free_after_a_refused_append() {
        store.append("account-1", noStream(), event("Opened"));
        var refused = event("Deposited");
        assertThatThrownBy(() -> store.append("account-1", noStream(), refused))
                .isInstanceOf(WrongExpectedVersionException.class);

        var result = store.append("account-1", exact(0), refused.withEventId(EventIds.next()), refused);

        assertThat(result).isEqualTo(new AppendResult(2, 3));
    }

    private void assertConflict(String stream, ExpectedVersion expected, List<EventData> events, UUID conflictingId) {
        assertThatThrownBy(() -> store.append(stream, expected, events))
                .isInstanceOfSatisfying(EventIdConflictException.class, e -> assertThat(e.eventId())
                        .isEqualTo(conflictingId));
    }
}

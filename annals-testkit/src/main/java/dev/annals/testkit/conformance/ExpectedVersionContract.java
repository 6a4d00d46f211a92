package dev.annals.testkit.conformance;

import dev.annals.event.RecordedEvent;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;

import static dev.annals.store.ExpectedVersion.exact;
import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.store.ExpectedVersion.streamExists;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appends whose expected version does not match: refused with the stream, the expected and the actual
 * version (-1 for a stream that does not exist), and nothing written.
 */
abstract class ExpectedVersionContract extends StoreContract {

    @Test
    void refuses_no_stream_when_the_stream_exists() {
        store.append("account-1", noStream(), events(2, "A"));
        var before = state();

        assertWrongVersion("account-1", noStream(), 1);
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_exact_version_behind_the_stream() {
        store.append("account-1", noStream(), events(3, "A"));
        var before = state();

        assertWrongVersion("account-1", exact(1), 2);
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_exact_version_ahead_of_the_stream() {
        store.append("account-1", noStream(), event("A"));
        var before = state();

        assertWrongVersion("account-1", exact(5), 0);
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_exact_version_for_a_stream_that_does_not_exist() {
        store.append("account-2", noStream(), event("A"));
        var before = state();

        assertWrongVersion("account-1", exact(0), -1);
        assertUnchangedSince(before);
    }

    @Test
    void refuses_stream_exists_for_a_stream_that_does_not_exist() {
        var before = state();

        assertWrongVersion("account-1", streamExists(), -1);
        assertUnchangedSince(before);
    }

    @Test
    void writes_none_of_the_events_of_a_refused_multi_event_append() {
        store.append("account-1", noStream(), event("A"));
        var before = state();

        assertWrongVersion("account-1", exact(3), 0, 4);
        assertUnchangedSince(before);
    }

    @Test
    void accepts_the_next_append_at_the_right_version_after_a_refusal() {
        store.append("account-1", noStream(), event("A"));
        assertWrongVersion("account-1", exact(4), 0);

        store.append("account-1", exact(0), event("B"));

        assertThat(stream("account-1")).extracting(RecordedEvent::position).containsExactly(1L, 2L);
    }

    private void assertWrongVersion(String stream, ExpectedVersion expected, long actual) {
        assertWrongVersion(stream, expected, actual, 1);
    }

    private void assertWrongVersion(String stream, ExpectedVersion expected, long actual, int eventCount) {
        assertThatThrownBy(() -> store.append(stream, expected, events(eventCount, "Refused")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.actualVersion()).isEqualTo(actual);
                });
    }
}

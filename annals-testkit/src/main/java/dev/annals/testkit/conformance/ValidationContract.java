package dev.annals.testkit.conformance;

import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.store.AppendLimits;
import dev.annals.store.AppendResult;
import dev.annals.store.DuplicateEventIdException;
import dev.annals.store.EventTexts;
import dev.annals.store.EventTooLargeException;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.InvalidStreamNameException;
import dev.annals.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.annals.store.ExpectedVersion.any;
import static dev.annals.store.ExpectedVersion.noStream;
import static dev.annals.testkit.conformance.TestEvents.event;
import static dev.annals.testkit.conformance.TestEvents.eventOfSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appends refused for what they ask, before anything is written: bad stream names, no events, an id
 * twice in one append, an event over the default limit of 1 MiB (payload and metadata together), text that
 * not every backend can store ({@link EventTexts}: NUL, unpaired surrogates, over-long type names), names
 * that would show reordered (bidirectional formatting characters in stream names and event types).
 */
abstract class ValidationContract extends StoreContract {

    private static final int LIMIT = AppendLimits.DEFAULT_MAX_EVENT_BYTES;

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
            strings = {
                "",
                " ",
                "account\n1",
                "account\u00001",
                "tab\there",
                "bell\u0007",
                "\u009fc1",
                "account-\u202E1-tnuocca",
                "order\u20661",
                "\u200Faccount-1",
                "$all",
                "$ce-account",
                "$mine"
            })
    void refuses_an_invalid_stream_name(String name) {
        store.append("account-1", noStream(), event("Opened"));
        var before = state();

        assertThatThrownBy(() -> store.append(name, any(), event("Opened")))
                .isInstanceOfSatisfying(InvalidStreamNameException.class, e -> assertThat(e.streamName())
                        .isEqualTo(name));
        assertUnchangedSince(before);
    }

    @Test
    void refuses_a_stream_name_longer_than_the_maximum() {
        var tooLong = "a".repeat(StreamName.MAX_LENGTH + 1);

        assertThatThrownBy(() -> store.append(tooLong, any(), event("Opened")))
                .isInstanceOf(InvalidStreamNameException.class);
        assertThat(store.headPosition()).isZero();
        assertThat(streams()).isEmpty();
    }

    @Test
    void accepts_a_stream_name_of_the_maximum_length_with_any_printable_characters() {
        var longest = "ä-€$ 😀/" + "x".repeat(StreamName.MAX_LENGTH - 8);
        assertThat(longest).hasSize(StreamName.MAX_LENGTH);

        store.append(longest, noStream(), event("Opened"));

        assertThat(stream(longest)).singleElement().satisfies(e -> assertThat(e.stream())
                .isEqualTo(longest));
        assertThat(streams()).singleElement().satisfies(info -> assertThat(info.stream())
                .isEqualTo(longest));
    }

    @Test
    void refuses_an_append_without_events() {
        var before = state();

        assertThatThrownBy(() -> store.append("account-1", any(), List.of()))
                .isInstanceOf(InvalidAppendException.class);
        assertUnchangedSince(before);
    }

    @Test
    void refuses_the_same_event_id_twice_in_one_append() {
        store.append("account-1", noStream(), event("Opened"));
        var before = state();
        var event = event("Deposited");
        var twin = new EventData(event.eventId(), "Withdrawn", 1, event.payload(), Metadata.empty());

        assertThatThrownBy(() -> store.append("account-1", any(), event("Deposited"), event, twin))
                .isInstanceOfSatisfying(DuplicateEventIdException.class, e -> assertThat(e.eventId())
                        .isEqualTo(event.eventId()));
        assertUnchangedSince(before);
    }

    @Test
    void accepts_an_event_of_exactly_the_default_limit() {
        var largest = eventOfSize(LIMIT);

        assertThat(store.append("account-1", noStream(), largest)).isEqualTo(new AppendResult(0, 1));
        assertThat(stream("account-1")).singleElement().satisfies(e -> assertThat(e.payload())
                .isEqualTo(largest.payload()));
    }

    @Test
    void refuses_an_event_one_byte_over_the_default_limit_and_writes_none_of_its_append() {
        store.append("account-1", noStream(), event("Opened"));
        var before = state();
        var tooLarge = eventOfSize(LIMIT + 1);

        assertThatThrownBy(() -> store.append("account-1", any(), event("Deposited"), tooLarge))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.eventId()).isEqualTo(tooLarge.eventId());
                    assertThat(e.size()).isEqualTo(LIMIT + 1);
                    assertThat(e.limit()).isEqualTo(LIMIT);
                });
        assertUnchangedSince(before);
    }

    @Test
    void counts_metadata_toward_the_event_size_limit() {
        var payloadAtLimit = eventOfSize(LIMIT);
        var withMetadata = payloadAtLimit.withMetadata(Metadata.empty().withUser("ann"));

        assertThatThrownBy(() -> store.append("account-1", any(), withMetadata))
                .isInstanceOf(EventTooLargeException.class);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void does_not_use_up_a_stream_or_an_id_when_refusing_an_append() {
        var valid = EventData.of("Opened", "{}");
        assertThatThrownBy(() -> store.append("account-1", noStream(), valid, valid))
                .isInstanceOf(DuplicateEventIdException.class);

        assertThat(store.append("account-1", noStream(), valid)).isEqualTo(new AppendResult(0, 1));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
            strings = {
                "Open\u0000ed",
                "Opened\n",
                "Open\ud800ed",
                "Opened\udc00",
                "\ud83d",
                "Opened\u202E",
                "\u2067Opened"
            })
    void refuses_an_event_type_with_a_nul_a_control_or_bidirectional_character_or_an_unpaired_surrogate(String type) {
        store.append("account-1", noStream(), event("Opened"));
        var before = state();
        var bad = new EventData(EventIds.next(), type, 1, "{}".getBytes(StandardCharsets.UTF_8), Metadata.empty());

        assertThatThrownBy(() -> store.append("account-1", any(), event("Deposited"), bad))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining(bad.eventId().toString());
        assertUnchangedSince(before);
    }

    @Test
    void refuses_an_event_type_longer_than_the_maximum_and_accepts_one_of_the_maximum() {
        var tooLong = new EventData(
                EventIds.next(),
                "T".repeat(EventTexts.MAX_TYPE_LENGTH + 1),
                1,
                "{}".getBytes(StandardCharsets.UTF_8),
                Metadata.empty());
        assertThatThrownBy(() -> store.append("account-1", any(), tooLong)).isInstanceOf(InvalidAppendException.class);
        assertThat(store.headPosition()).isZero();

        var longest = EventData.of("T".repeat(EventTexts.MAX_TYPE_LENGTH), "{}");
        store.append("account-1", noStream(), longest);
        assertThat(stream("account-1")).singleElement().satisfies(e -> assertThat(e.type())
                .isEqualTo(longest.type()));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"a\u0000b", "\udfff", "x\ud800"})
    void refuses_metadata_with_a_nul_or_an_unpaired_surrogate_in_a_key_or_a_value(String text) {
        var badValue = event("Opened").withMetadata(Metadata.empty().with("tenant", text));
        var badKey = event("Opened").withMetadata(Metadata.empty().with(text, "x"));

        assertThatThrownBy(() -> store.append("account-1", any(), badValue)).isInstanceOf(InvalidAppendException.class);
        assertThatThrownBy(() -> store.append("account-1", any(), badKey)).isInstanceOf(InvalidAppendException.class);
        assertThat(store.headPosition()).isZero();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"account-\ud800", "\udc00account"})
    void refuses_a_stream_name_with_an_unpaired_surrogate(String name) {
        assertThatThrownBy(() -> store.append(name, any(), event("Opened")))
                .isInstanceOf(InvalidStreamNameException.class);
        assertThat(store.headPosition()).isZero();
    }
}

package dev.annals.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetadataTest {

    @Test
    void well_known_entries_are_read_back_by_name() {
        var metadata = Metadata.empty()
                .withCorrelationId("c-1")
                .withCausationId("cmd-9")
                .withUser("ann");
        assertThat(metadata.correlationId()).contains("c-1");
        assertThat(metadata.causationId()).contains("cmd-9");
        assertThat(metadata.user()).contains("ann");
        assertThat(Metadata.empty().user()).isEmpty();
    }

    @Test
    void encodes_with_sorted_keys_so_equal_metadata_gives_equal_bytes() {
        var one = Metadata.of(Map.of("b", "2", "a", "1"));
        var two = Metadata.empty().with("a", "1").with("b", "2");
        assertThat(new String(MetadataJson.encode(one))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(MetadataJson.encode(one)).isEqualTo(MetadataJson.encode(two));
        assertThat(MetadataJson.decode(MetadataJson.encode(one))).isEqualTo(one);
    }

    @Test
    void parsing_user_metadata_that_is_not_an_object_of_strings_says_so() {
        assertThatThrownBy(() -> MetadataJson.parse("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metadata must be a JSON object of string values");
    }

    @Test
    void text_that_json_must_escape_comes_back_unchanged() {
        var tricky = Metadata.of(Map.of("quote\"key", "line\nbreak \\ tab\t é 😀", "empty", ""));

        assertThat(MetadataJson.decode(MetadataJson.encode(tricky))).isEqualTo(tricky);
        assertThat(MetadataJson.parse(new String(MetadataJson.encode(tricky), StandardCharsets.UTF_8)))
                .isEqualTo(tricky);
    }

    @Test
    void user_metadata_takes_numbers_and_booleans_as_their_text() {
        assertThat(MetadataJson.parse("{\"attempt\":3,\"replayed\":true}"))
                .isEqualTo(Metadata.of(Map.of("attempt", "3", "replayed", "true")));
    }

    @Test
    void user_metadata_with_a_null_or_nested_value_names_the_key() {
        assertThatThrownBy(() -> MetadataJson.parse("{\"user\":null}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata must be a JSON object of string values: the value of 'user' is not a string");
        assertThatThrownBy(() -> MetadataJson.parse("{\"tags\":[\"a\"]}"))
                .hasMessageContaining("the value of 'tags' is not a string");
    }

    @Test
    void stored_metadata_that_is_not_json_is_reported_as_a_store_error() {
        assertThatThrownBy(() -> MetadataJson.decode("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(dev.annals.store.EventStoreException.class)
                .hasMessageStartingWith("stored metadata is not a JSON object of strings");
    }

    @Test
    void event_ids_are_time_ordered_version_7_uuids() {
        var first = EventIds.next();
        var second = EventIds.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(second.compareTo(first)).isPositive();
    }
}

package dev.annals.store;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamNameTest {

    @Test
    void accepts_an_ordinary_name_and_a_name_of_exactly_the_maximum_length() {
        assertThat(StreamName.validate("account-42")).isEqualTo("account-42");
        var longest = "a".repeat(StreamName.MAX_LENGTH);
        assertThat(StreamName.validate(longest)).isEqualTo(longest);
    }

    @Test
    void rejects_an_empty_name_saying_so() {
        assertThatThrownBy(() -> StreamName.validate(""))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessage("invalid stream name '': must not be empty");
    }

    @Test
    void rejects_a_name_one_character_too_long_with_its_length() {
        assertThatThrownBy(() -> StreamName.validate("a".repeat(StreamName.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessageContaining("is 201 characters long, more than 200");
    }

    @Test
    void rejects_a_control_character_naming_its_index_and_showing_it_escaped() {
        assertThatThrownBy(() -> StreamName.validate("account\n1"))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessage("invalid stream name 'account\\u000a1': has a control character at index 7");
    }

    @Test
    void rejects_a_bidirectional_formatting_character_naming_it_and_showing_the_name_without_it() {
        for (String name : new String[] {"account-\u202E1-tnuocca", "order\u20661", "\u061Corder", "a\u200Eb"}) {
            assertThatThrownBy(() -> StreamName.validate(name))
                    .as(name)
                    .isInstanceOf(InvalidStreamNameException.class)
                    .hasMessageContaining("invisible bidirectional formatting character")
                    .hasMessageContaining("which would show the name reordered")
                    .message()
                    .doesNotContain("\u202E", "\u2066", "\u061C", "\u200E");
        }
        assertThatThrownBy(() -> StreamName.validate("account-\u202E1"))
                .hasMessage("invalid stream name 'account-\\u202e1': has an invisible bidirectional formatting"
                        + " character (U+202E) at index 8, which would show the name reordered");
    }

    @Test
    void rejects_names_reserved_for_system_streams() {
        assertThatThrownBy(() -> StreamName.validate("$all"))
                .isInstanceOf(InvalidStreamNameException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void the_category_is_the_part_before_the_first_dash() {
        assertThat(StreamName.categoryOf("account-42")).isEqualTo("account");
        assertThat(StreamName.categoryOf("order-line-7")).isEqualTo("order");
        assertThat(StreamName.categoryOf("singleton")).isEqualTo("singleton");
    }
}

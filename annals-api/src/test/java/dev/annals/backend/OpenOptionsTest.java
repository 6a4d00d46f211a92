package dev.annals.backend;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenOptionsTest {

    /** Stands for a type the contract does not know, such as erasure's master key. */
    record Key(String name) {}

    @Test
    void a_setting_is_found_by_its_type_and_survives_the_other_changes() {
        var options = OpenOptions.defaults()
                .withSetting(Key.class, Optional.of(new Key("k1")))
                .withAccess(Access.READ_ONLY)
                .withToken(Optional.of("secret"));

        assertThat(options.setting(Key.class)).contains(new Key("k1"));
        assertThat(options.setting(String.class)).isEmpty();
    }

    @Test
    void an_empty_setting_removes_an_earlier_one() {
        var options = OpenOptions.defaults().withSetting(Key.class, Optional.of(new Key("k1")));

        assertThat(options.withSetting(Key.class, Optional.empty()).setting(Key.class))
                .isEmpty();
    }

    @Test
    void a_setting_whose_value_is_not_of_its_type_is_refused() {
        Map<Class<?>, Object> wrong = Map.of(Key.class, "not a key");

        assertThatThrownBy(() -> new OpenOptions(Access.READ_WRITE, false, Optional.empty(), wrong))
                .isInstanceOf(ClassCastException.class);
    }
}

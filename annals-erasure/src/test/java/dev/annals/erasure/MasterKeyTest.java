package dev.annals.erasure;

import dev.annals.erasure.internal.DataKeys;
import java.util.Base64;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MasterKeyTest {

    private final MasterKey master = MasterKey.generate();

    @Test
    void wraps_a_data_key_into_61_bytes_that_only_it_opens_for_that_subject() {
        var key = DataKeys.generate();

        byte[] wrapped = master.wrap("c-1", key);

        assertThat(wrapped).hasSize(61);
        assertThat(MasterKey.isWrapped(wrapped)).isTrue();
        assertThat(MasterKey.isWrapped(key.getEncoded())).isFalse();
        assertThat(master.unwrap("c-1", wrapped).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(master.wrap("c-1", key)).as("a fresh nonce each time").isNotEqualTo(wrapped);
        assertThatThrownBy(() -> master.unwrap("c-2", wrapped))
                .as("moved to another subject's row")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject 'c-2'");
        assertThatThrownBy(() -> MasterKey.generate().unwrap("c-1", wrapped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another master key");
    }

    @Test
    void reads_32_bytes_of_base64_and_refuses_anything_else_saying_what_it_wants() {
        var bytes = new byte[32];
        bytes[0] = 7;
        var key = DataKeys.generate();

        var fromText = MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes) + "\n");

        assertThat(MasterKey.of(bytes).unwrap("c-1", fromText.wrap("c-1", key)).getEncoded())
                .isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).hasMessageContaining("32 bytes in base64");
        assertThat(master.toString())
                .doesNotContain(Base64.getEncoder().encodeToString(bytes))
                .contains("hidden");
    }
}

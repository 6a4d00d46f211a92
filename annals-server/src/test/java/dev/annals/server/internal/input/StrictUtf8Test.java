package dev.annals.server.internal.input;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StrictUtf8Test {

    @Test
    void takes_ascii_and_well_formed_multibyte_text() {
        for (String text : new String[] {"", "{\"a\":1}", "caf\u00e9", "\uD83D\uDE00", "\uFFFD is a character too"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

            assertThat(StrictUtf8.isWellFormed(bytes)).as(text).isTrue();
            assertThat(StrictUtf8.firstMalformed(bytes)).as(text).isEmpty();
        }
    }

    @Test
    void finds_over_long_truncated_and_surrogate_sequences() {
        byte[][] malformed = {
            {'a', (byte) 0xC0, (byte) 0xAF}, // an over-long '/'
            {'a', 'b', (byte) 0xE2, (byte) 0x82}, // a truncated euro sign
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {'x', (byte) 0xFF},
        };
        int[] offsets = {1, 2, 0, 1};
        for (int i = 0; i < malformed.length; i++) {
            assertThat(StrictUtf8.isWellFormed(malformed[i])).as("case %d", i).isFalse();
            assertThat(StrictUtf8.firstMalformed(malformed[i])).as("case %d", i).isEqualTo(OptionalInt.of(offsets[i]));
        }
    }

    @Test
    void reads_text_longer_than_its_buffer() {
        byte[] bytes = "\u00e9".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = 'x';

        assertThat(StrictUtf8.firstMalformed(bytes)).isEqualTo(OptionalInt.of(bytes.length - 2));
    }
}

package dev.annals.bench.relay;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecordSizeTest {

    private static final Header CONTENT_TYPE =
            new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));

    @Test
    void counts_key_value_and_headers_with_their_length_prefixes() {
        var relay = RecordSize.of(8, 466, new Header[] {CONTENT_TYPE});

        assertThat(relay.headerBytes()).isEqualTo(12 + 28);
        // body length, attributes, timestamp and offset deltas, key length, value length (2), header count,
        // then the header's name and value each behind a one-byte length
        assertThat(relay.inBatch()).isEqualTo(2 + 1 + 1 + 1 + 1 + 8 + 2 + 466 + 1 + 1 + 12 + 1 + 28);
    }

    @Test
    void gives_the_ceiling_a_value_that_makes_its_record_as_large_as_the_relays() {
        var relay = RecordSize.of(8, 466, new Header[] {CONTENT_TYPE});

        int value = relay.ceilingValueBytes();

        assertThat(RecordSize.ofCeiling(value).inBatch()).isEqualTo(relay.inBatch());
        assertThat(value).isEqualTo(466 + 8 - RecordSize.CEILING_KEY_BYTES + 12 + 28 + 2);
    }

    @Test
    void a_record_without_header_or_longer_key_gives_the_ceiling_the_same_value() {
        var plain = RecordSize.of(RecordSize.CEILING_KEY_BYTES, 466, new Header[0]);

        assertThat(plain.ceilingValueBytes()).isEqualTo(466);
    }
}

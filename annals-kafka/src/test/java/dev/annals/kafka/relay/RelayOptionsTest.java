package dev.annals.kafka.relay;

import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RelayOptionsTest {

    @Test
    void the_producer_settings_are_transactional_with_large_batches_by_default() {
        assertThat(RelayOptions.to("127.0.0.1:9092").producerSettings())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "acks", "all",
                        "enable.idempotence", "true",
                        "linger.ms", "5",
                        "batch.size", "131072",
                        "compression.type", "none"));
    }

    @Test
    void the_operator_may_tune_batching_and_compression_but_not_the_guarantees() {
        var options = RelayOptions.to("127.0.0.1:9092")
                .withKafka(Map.of("linger.ms", "20", "compression.type", "lz4", "acks", "1"));

        assertThat(options.producerSettings())
                .containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "lz4")
                .containsEntry("batch.size", "131072")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true");
    }
}

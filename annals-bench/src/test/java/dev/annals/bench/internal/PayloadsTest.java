package dev.annals.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PayloadsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 7, 8, 9, 200, 4096})
    void builds_valid_json_of_exactly_the_requested_size(int size) throws Exception {
        byte[] payload = Payloads.json(size);

        assertThat(payload).hasSize(size);
        assertThat(new ObjectMapper().readTree(payload).isObject()).isTrue();
    }
}

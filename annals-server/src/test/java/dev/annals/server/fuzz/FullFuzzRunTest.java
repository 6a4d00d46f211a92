package dev.annals.server.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full fuzzing run is too long for the test suite, so its script is checked instead: it must still
 * run the properties the suite runs, set the batch size they read, and add up to 100,000 requests or more.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FullFuzzRunTest {

    @Test
    void the_full_run_script_sends_at_least_100000_requests_through_the_suite_s_properties() throws IOException {
        String script = Files.readString(Path.of("..", "scripts", "fuzz-http"));

        assertThat(script)
                .contains("-Dtest=" + HttpApiFuzzProperties.class.getSimpleName())
                .contains("-D" + HttpApiFuzzProperties.BATCH_PROPERTY + "=");
        var defaultBatch = Pattern.compile("batch=\"\\$\\{1:-(\\d+)}\"").matcher(script);
        assertThat(defaultBatch.find()).as("the script's default batch").isTrue();
        int properties = 2;
        assertThat((long) properties * HttpApiFuzzProperties.TRIES * Integer.parseInt(defaultBatch.group(1)))
                .isGreaterThanOrEqualTo(100_000);
    }
}

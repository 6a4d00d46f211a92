package dev.annals.store.sqlite.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FlywayLoggingTest {

    @Test
    void flyway_logs_through_slf4j_whatever_else_is_on_the_class_path() {
        assertThat(SqliteSchema.flyway(Path.of("target", "never-opened.db"), 0).getLoggers())
                .containsExactly("slf4j");
    }
}

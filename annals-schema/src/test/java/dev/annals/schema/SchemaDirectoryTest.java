package dev.annals.schema;

import dev.annals.serialization.EventTypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaDirectoryTest {

    interface Event {}

    record Opened(String owner, List<Long> limits) implements Event {}

    @TempDir
    Path directory;

    private final EventSchema opened = EventSchemas.of(List.of(EventTypeRegistry.builder(Event.class)
                    .register(Opened.class, "Opened", 3)
                    .build()))
            .getFirst();

    @Test
    void reads_back_what_it_registered() {
        var schemas = new SchemaDirectory(directory);

        assertThat(schemas.register(opened)).isTrue();

        assertThat(schemas.read()).containsExactly(opened);
        assertThat(directory.resolve("Opened/v3.json")).exists();
        assertThat(opened.schema()
                        .path("properties")
                        .path("limits")
                        .path("items")
                        .path("type")
                        .asText())
                .isEqualTo("integer");
    }

    @Test
    void never_rewrites_a_registered_version() throws Exception {
        var schemas = new SchemaDirectory(directory);
        schemas.register(opened);
        Files.writeString(schemas.fileOf("Opened", 3), "{\"type\":\"object\"}");

        assertThat(schemas.register(opened)).isFalse();
        assertThat(schemas.read().getFirst().schema().toString()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void names_a_file_that_is_not_json() throws Exception {
        Files.createDirectories(directory.resolve("Opened"));
        Files.writeString(directory.resolve("Opened/v1.json"), "{not json");

        assertThatThrownBy(() -> new SchemaDirectory(directory).read())
                .isInstanceOf(SchemaFileException.class)
                .hasMessageContaining("v1.json");
    }

    @Test
    void an_absent_directory_holds_no_schemas() {
        assertThat(new SchemaDirectory(directory.resolve("absent")).read()).isEmpty();
    }
}

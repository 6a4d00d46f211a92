package dev.annals.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Registered schemas kept as files in a directory the user chooses, meant to be committed with the
 * code: {@code DIR/Deposited/v2.json}. Files are written once per type and version and never rewritten,
 * because a registered version describes events already stored.
 */
public final class SchemaDirectory {

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    /** The registry in {@code root}; the directory need not exist yet. */
    public SchemaDirectory(Path root) {
        this.root = requireNonNull(root, "root");
    }

    /** Where the schemas live. */
    public Path root() {
        return root;
    }

    /**
     * Every registered schema, sorted by type and version; empty when the directory does not exist.
     *
     * @throws SchemaFileException naming a file that is not a JSON object
     */
    public List<EventSchema> read() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        var schemas = new ArrayList<EventSchema>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = VERSION_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()
                        && file.getParent() != null
                        && !file.getParent().equals(root)) {
                    String type = file.getParent().getFileName().toString();
                    schemas.add(new EventSchema(type, Integer.parseInt(matcher.group(1)), readObject(file)));
                }
            }
        } catch (IOException e) {
            throw new SchemaFileException(root, "cannot list the directory: " + e.getMessage(), e);
        }
        schemas.sort(Comparator.comparing(EventSchema::type).thenComparing(EventSchema::version));
        return List.copyOf(schemas);
    }

    /**
     * Writes {@code schema} unless its type and version are registered already.
     *
     * @return true when the file was written, false when it existed (it is left as it is)
     */
    public boolean register(EventSchema schema) {
        requireNonNull(schema, "schema");
        Path file = fileOf(schema.type(), schema.version());
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema.schema()) + "\n");
            return true;
        } catch (IOException e) {
            throw new SchemaFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** The file of {@code type} at {@code version}. */
    public Path fileOf(String type, int version) {
        return root.resolve(type).resolve("v" + version + ".json");
    }

    private static ObjectNode readObject(Path file) {
        try {
            if (JSON.readTree(file.toFile()) instanceof ObjectNode object) {
                return object;
            }
            throw new SchemaFileException(file, "not a JSON object", null);
        } catch (IOException e) {
            throw new SchemaFileException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }
}

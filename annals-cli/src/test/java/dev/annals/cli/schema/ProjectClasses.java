package dev.annals.cli.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * A team's project as the command sees it: Java sources compiled here into a classes directory that is not on
 * the test's class path, so that only {@code --classpath} can make them known.
 */
final class ProjectClasses {

    private ProjectClasses() {}

    /** Compiles {@code sources} (file path under the source root to text) into {@code classes}. */
    static Path compile(Path root, Map<String, String> sources) throws IOException {
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        var arguments = new ArrayList<>(List.of(
                "--release",
                "21",
                "-proc:none",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the project's sources did not compile (see the test output)");
        }
        return classes;
    }
}

package dev.annals.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The guides of the repository (README.md and docs/*.md) and the Java snippets in them. */
final class Guides {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Pattern GIVEN = Pattern.compile("<!--\\s*given:\\s*(.*?)\\s*-->");

    private Guides() {}

    /** README.md, then every docs/*.md, as paths relative to the repository. */
    static List<Path> all() throws IOException {
        var guides = new ArrayList<Path>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .forEach(file -> guides.add(ROOT.relativize(file)));
        }
        return guides;
    }

    /** The Java snippets of {@code guide}, in order. */
    static List<JavaSnippet> snippets(Path guide) throws IOException {
        var lines = Files.readAllLines(ROOT.resolve(guide));
        var snippets = new ArrayList<JavaSnippet>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String above = i > 0 ? lines.get(i - 1) : "";
            var given = GIVEN.matcher(above);
            int open = i;
            var text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            snippets.add(new JavaSnippet(
                    guide.toString().replace('\\', '/'),
                    open + 1,
                    given.matches() ? given.group(1) : "",
                    text.toString()));
        }
        return snippets;
    }
}

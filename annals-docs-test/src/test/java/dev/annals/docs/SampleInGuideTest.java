package dev.annals.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/getting-started.md walks through samples/library-quickstart, which annals-samples-test builds and tests: the
 * guide shows the sample's files as they are, so that what a reader copies is what the build ran.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleInGuideTest {

    private static final Path GUIDE = Path.of("docs/getting-started.md");
    private static final Path SAMPLE = Guides.ROOT.resolve("samples/library-quickstart");
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    @Test
    void the_guide_shows_every_java_file_of_the_sample_as_it_is() throws IOException {
        Map<String, String> files = sampleSources();
        var shown = new ArrayList<String>();
        for (var snippet : Guides.snippets(GUIDE)) {
            if (!snippet.text().startsWith("package org.example.library;")) {
                continue;
            }
            var file = files.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(snippet.text()))
                    .map(Map.Entry::getKey)
                    .findFirst();
            assertThat(file)
                    .as(
                            "the snippet at %s is not a file of %s as it is",
                            snippet.where(), Guides.ROOT.relativize(SAMPLE))
                    .isPresent();
            shown.add(file.orElseThrow());
        }
        assertThat(shown)
                .as("the sample's Java files the guide shows")
                .containsExactlyInAnyOrderElementsOf(files.keySet());
    }

    @Test
    void every_line_of_the_guide_s_maven_blocks_is_in_the_sample_s_pom_in_that_order() throws IOException {
        List<String> pom = significantLines(Files.readString(SAMPLE.resolve("pom.xml")));
        for (String block : xmlBlocks()) {
            int at = 0;
            for (String line : significantLines(block)) {
                int found = pom.subList(at, pom.size()).indexOf(line);
                assertThat(found)
                        .as(
                                "'%s' of a Maven block of %s is not in the sample's pom.xml after the lines before it",
                                line, GUIDE)
                        .isNotNegative();
                at += found + 1;
            }
        }
    }

    /** The sample's Java files, by path under the sample. */
    private static Map<String, String> sampleSources() throws IOException {
        var files = new TreeMap<String, String>();
        try (Stream<Path> paths = Files.walk(SAMPLE.resolve("src"))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(SAMPLE.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }

    private static List<String> xmlBlocks() throws IOException {
        var blocks = new ArrayList<String>();
        StringBuilder open = null;
        for (String line : Files.readAllLines(Guides.ROOT.resolve(GUIDE))) {
            if (open == null && line.strip().equals("```xml")) {
                open = new StringBuilder();
            } else if (open != null && line.strip().equals("```")) {
                blocks.add(open.toString());
                open = null;
            } else if (open != null) {
                open.append(line).append('\n');
            }
        }
        assertThat(blocks).as("Maven blocks in " + GUIDE).isNotEmpty();
        return blocks;
    }

    // Comments and indentation may differ: the guide explains at more length than the pom does.
    private static List<String> significantLines(String xml) {
        return XML_COMMENT
                .matcher(xml)
                .replaceAll("")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}

package dev.annals.docs;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the guides compiles, with only the imports it shows. The snippets of one guide share a
 * package, so a later snippet may use the types an earlier one declares, as a reader does. A failure names the
 * guide, the snippet's line and the compiler's message.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocsSnippetsCompileTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> every_guide_s_java_snippets_compile() throws Exception {
        var tests = new ArrayList<DynamicTest>();
        for (Path guide : Guides.all()) {
            var snippets = Guides.snippets(guide);
            if (!snippets.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(guide.toString(), () -> assertCompiles(guide, snippets)));
            }
        }
        return tests.stream();
    }

    @Test
    void the_guides_hold_java_snippets_to_check() throws Exception {
        int count = 0;
        for (Path guide : Guides.all()) {
            count += Guides.snippets(guide).size();
        }
        assertThat(count).isGreaterThan(15);
    }

    private void assertCompiles(Path guide, List<JavaSnippet> snippets) throws Exception {
        String packageName = "docs."
                + guide.getFileName()
                        .toString()
                        .replace(".md", "")
                        .replaceAll("\\W", "_")
                        .toLowerCase(Locale.ROOT);
        Path sources = Files.createDirectories(temp.resolve(packageName).resolve("src"));
        var files = new ArrayList<Path>();
        var origin = new java.util.HashMap<Path, JavaSnippet>();
        for (var snippet : snippets) {
            for (var source : snippet.sources(packageName, "Snippet" + snippet.line())) {
                Path file = sources.resolve(source.name() + ".java");
                Files.writeString(file, source.text());
                files.add(file);
                origin.put(file, snippet);
            }
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            var options = List.of(
                    "--release",
                    "21",
                    "-proc:none",
                    "-d",
                    temp.resolve(packageName).resolve("classes").toString(),
                    "-cp",
                    System.getProperty("java.class.path"));
            Files.createDirectories(temp.resolve(packageName).resolve("classes"));
            var units = fileManager.getJavaFileObjectsFromPaths(files);
            compiler.getTask(new StringWriter(), fileManager, diagnostics, options, null, units)
                    .call();
        }
        var errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> describe(diagnostic, origin))
                .toList();
        assertThat(errors).as("compile errors in the Java snippets of " + guide).isEmpty();
    }

    private static String describe(
            Diagnostic<? extends JavaFileObject> diagnostic, java.util.Map<Path, JavaSnippet> origin) {
        var snippet = origin.get(Path.of(diagnostic.getSource().toUri()));
        String where = snippet == null ? diagnostic.getSource().getName() : "the snippet at " + snippet.where();
        return where + ": " + diagnostic.getMessage(Locale.ROOT) + " (generated line " + diagnostic.getLineNumber()
                + ")";
    }
}

package dev.annals.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a guide, turned into Java files that compile when the snippet is right. A snippet
 * starts with its imports (a reader copies them with the code), then holds either top-level types, or statements
 * that run in a method. An HTML comment just above the block, {@code <!-- given: EventStore store, Path dir -->},
 * names what the statements take from the text around them. A snippet that starts with a {@code package} line
 * shows whole files and compiles in that package.
 *
 * @param document the guide, such as {@code docs/modeling.md}
 * @param line     the line of the opening fence
 * @param given    the parameters the statements take, empty for none
 * @param text     the code between the fences
 */
record JavaSnippet(String document, int line, String given, String text) {

    private static final Pattern TYPE_START = Pattern.compile(
            "^(?:(?:public|final|sealed|non-sealed|abstract|static)\\s+)*(?:class|interface|record|enum)\\s+(\\w+).*");

    /** Where the snippet is, as people look for it. */
    String where() {
        return document + ":" + line;
    }

    /** The Java files of this snippet, in {@code packageName}, by simple file name. */
    List<SourceFile> sources(String packageName, String className) {
        var imports = new StringBuilder();
        var body = new ArrayList<String>();
        for (String codeLine : text.split("\n", -1)) {
            if (body.isEmpty() && imports.isEmpty() && codeLine.startsWith("package ")) {
                // A snippet that names its package shows whole files: they compile in that package.
                packageName = codeLine.substring("package ".length(), codeLine.indexOf(';'))
                        .strip();
            } else if (body.isEmpty() && (codeLine.startsWith("import ") || codeLine.isBlank())) {
                imports.append(codeLine).append('\n');
            } else {
                body.add(codeLine);
            }
        }
        String header = "package " + packageName + ";\n" + imports;
        var types = topLevelTypes(body);
        if (!types.isEmpty()) {
            return types.stream()
                    .map(type -> new SourceFile(type.name(), header + type.text()))
                    .toList();
        }
        return List.of(new SourceFile(
                className,
                header + "class " + className + " {\n    void run(" + given + ") throws Exception {\n" + join(body)
                        + "    }\n}\n"));
    }

    /** The top-level types of {@code body}, each for a file of its own; empty when it holds statements. */
    private static List<SourceFile> topLevelTypes(List<String> body) {
        var types = new ArrayList<SourceFile>();
        String name = null;
        var current = new StringBuilder();
        int depth = 0;
        for (String codeLine : body) {
            var start = TYPE_START.matcher(codeLine);
            if (depth == 0 && start.matches()) {
                if (name != null) {
                    types.add(new SourceFile(name, current.toString()));
                }
                name = start.group(1);
                current = new StringBuilder();
            } else if (depth == 0 && name == null && !codeLine.isBlank() && !isCommentOrAnnotation(codeLine)) {
                return List.of();
            }
            current.append(codeLine).append('\n');
            depth += count(codeLine, '{') - count(codeLine, '}');
        }
        if (name != null) {
            types.add(new SourceFile(name, current.toString()));
        }
        return types;
    }

    private static boolean isCommentOrAnnotation(String codeLine) {
        String start = codeLine.strip();
        return start.startsWith("//") || start.startsWith("/*") || start.startsWith("*") || start.startsWith("@");
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }

    private static String join(List<String> lines) {
        var joined = new StringBuilder();
        lines.forEach(codeLine -> joined.append("        ").append(codeLine).append('\n'));
        return joined.toString();
    }

    /** A Java file: its type's simple name and its text. */
    record SourceFile(String name, String text) {}
}

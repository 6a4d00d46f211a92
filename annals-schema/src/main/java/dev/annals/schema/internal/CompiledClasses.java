package dev.annals.schema.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of the classes compiled under class-path roots (directories of class files, or jars), read from
 * the file names alone: listing loads nothing, so a class is only loaded once a caller wants it.
 */
public final class CompiledClasses {

    private final List<Path> roots;

    /** The classes under {@code roots}; a root that does not exist holds none. */
    public CompiledClasses(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The binary names of the classes in {@code packageName} and, if {@code nested}, its sub-packages. */
    public List<String> inPackage(String packageName, boolean nested) {
        var names = new TreeSet<String>();
        for (Path root : roots) {
            for (String entry : entries(root)) {
                String name =
                        entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                String owner = dot < 0 ? "" : name.substring(0, dot);
                boolean inside = owner.equals(packageName)
                        || (nested && (packageName.isEmpty() || owner.startsWith(packageName + ".")));
                if (inside) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** True when some class lies in {@code packageName} or below it. */
    public boolean hasPackage(String packageName) {
        return !inPackage(packageName, true).isEmpty();
    }

    private static List<String> entries(Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(file -> file.toString().endsWith(".class"))
                            .map(file -> root.relativize(file).toString().replace('\\', '/'))
                            .toList();
                }
            }
            if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
                try (var jar = new JarFile(root.toFile())) {
                    return jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                            .toList();
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes of " + root.getFileName(), e);
        }
    }
}

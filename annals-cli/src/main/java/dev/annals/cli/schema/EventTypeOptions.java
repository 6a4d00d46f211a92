package dev.annals.cli.schema;

import dev.annals.cli.RejectedRequestException;
import dev.annals.example.bank.Bank;
import dev.annals.schema.DeclaredEventTypes;
import dev.annals.schema.UndeclaredEventTypesException;
import dev.annals.serialization.EventTypeRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which event types {@code annals schema} gates: the bank example's by default, or a project's own, read from
 * its compiled classes ({@code --classpath}) and chosen by sealed interface or package ({@code --types}).
 */
final class EventTypeOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description = "The project's compiled classes and their dependencies: directories and jars, separated"
                    + " as on the java command line (':', or ';' on Windows); with --types.")
    private String classpath;

    @Option(
            names = "--types",
            arity = "1..*",
            paramLabel = "SEALED_IFACE_OR_PACKAGE",
            description = "The event interfaces (binary names) or packages whose declared registries to gate;"
                    + " with --classpath. Default: the bank example's types.")
    private List<String> types = List.of();

    /** The registries chosen, with the class loader that holds them open until closed. */
    Selection select() {
        if (classpath == null && types.isEmpty()) {
            return new Selection(bank(), null);
        }
        if (classpath == null || types.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--classpath and --types go together: give both, or neither for the bank");
        }
        var roots = roots();
        var loader = new URLClassLoader(urls(roots), EventTypeOptions.class.getClassLoader());
        try {
            return new Selection(new DeclaredEventTypes(loader, roots).registries(types), loader);
        } catch (UndeclaredEventTypesException e) {
            close(loader);
            throw new RejectedRequestException(e.getMessage(), e);
        }
    }

    private List<Path> roots() {
        var roots = new ArrayList<Path>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path root = Path.of(entry);
            if (!Files.exists(root)) {
                throw new RejectedRequestException("--classpath: '" + entry + "' does not exist");
            }
            roots.add(root);
        }
        if (roots.isEmpty()) {
            throw new RejectedRequestException("--classpath is empty: give the project's classes directory or jar");
        }
        return roots;
    }

    private static URL[] urls(List<Path> roots) {
        var urls = new URL[roots.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = roots.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new RejectedRequestException("--classpath: '" + roots.get(i) + "' is not a usable path", e);
            }
        }
        return urls;
    }

    private static List<EventTypeRegistry<?>> bank() {
        return Bank.entityTypes().types().stream()
                .<EventTypeRegistry<?>>map(type -> type.codec().registry())
                .toList();
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chosen registries; closing releases the project's classes. */
    record Selection(List<EventTypeRegistry<?>> registries, URLClassLoader loader) implements AutoCloseable {

        @Override
        public void close() {
            if (loader != null) {
                EventTypeOptions.close(loader);
            }
        }
    }
}

package dev.annals.maven;

import dev.annals.schema.DeclaredEventTypes;
import dev.annals.schema.UndeclaredEventTypesException;
import dev.annals.serialization.EventTypeRegistry;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project's event types, loaded from its compiled classes and dependencies by a class loader of their own
 * whose parent is the plugin's, so that the registries found are of the plugin's Annals classes. Closing
 * releases the project's classes.
 */
final class ProjectEventTypes implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<EventTypeRegistry<?>> registries;

    private ProjectEventTypes(URLClassLoader loader, List<EventTypeRegistry<?>> registries) {
        this.loader = loader;
        this.registries = registries;
    }

    /**
     * The registries {@code types} select among the classes of {@code outputDirectory}.
     *
     * @throws MojoFailureException when a selector names nothing the project declares
     */
    static ProjectEventTypes load(File outputDirectory, List<String> classpath, List<String> types)
            throws MojoExecutionException, MojoFailureException {
        if (types == null || types.isEmpty()) {
            throw new MojoFailureException("annals: configure <types> with the project's event interfaces"
                    + " (such as org.example.BookEvent) or packages");
        }
        if (!outputDirectory.isDirectory()) {
            throw new MojoFailureException("annals: the project's classes are not compiled yet: run the goal"
                    + " after compile (for example 'mvn verify', or 'mvn compile annals:schema-check')");
        }
        var loader = new URLClassLoader(urls(classpath), ProjectEventTypes.class.getClassLoader());
        try {
            var registries =
                    new DeclaredEventTypes(loader, List.of(outputDirectory.toPath())).registries(List.copyOf(types));
            return new ProjectEventTypes(loader, registries);
        } catch (UndeclaredEventTypesException e) {
            closeQuietly(loader, e);
            throw new MojoFailureException("annals: " + e.getMessage(), e);
        }
    }

    List<EventTypeRegistry<?>> registries() {
        return registries;
    }

    @Override
    public void close() throws MojoExecutionException {
        try {
            loader.close();
        } catch (IOException e) {
            throw new MojoExecutionException("annals: cannot release the project's classes", e);
        }
    }

    private static URL[] urls(List<String> classpath) throws MojoExecutionException {
        var urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = new File(classpath.get(i)).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("annals: a class path element is not a usable path", e);
            }
        }
        return urls;
    }

    private static void closeQuietly(URLClassLoader loader, Exception failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

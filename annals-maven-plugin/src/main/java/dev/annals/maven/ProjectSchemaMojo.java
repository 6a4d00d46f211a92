package dev.annals.maven;

import dev.annals.schema.SchemaDirectory;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals are configured with: the project's event types, its classes, and the schema directory. */
abstract class ProjectSchemaMojo extends AbstractMojo {

    /** The event interfaces (binary names, such as {@code org.example.BookEvent}) or packages to gate. */
    @Parameter(required = true)
    private List<String> types;

    /** The registered schemas, committed with the code. */
    @Parameter(property = "annals.schemas", defaultValue = "${project.basedir}/schemas")
    private File schemas;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> classpath;

    /** The project's event types, to close once gated. */
    final ProjectEventTypes projectEventTypes() throws MojoExecutionException, MojoFailureException {
        return ProjectEventTypes.load(outputDirectory, classpath, types);
    }

    final File schemas() {
        return schemas;
    }

    final SchemaDirectory schemaDirectory() {
        return new SchemaDirectory(schemas.toPath());
    }
}

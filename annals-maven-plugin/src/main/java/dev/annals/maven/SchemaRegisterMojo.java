package dev.annals.maven;

import dev.annals.schema.SchemaDirectory;
import dev.annals.schema.SchemaGate;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code annals:schema-register}: compiles the project, then writes the schema file of every event type whose
 * current version is not registered yet under {@code schemas}, to be committed with the change. Refuses, writing
 * nothing, when the code breaks a registered schema. Run by hand; bound to no phase.
 */
@Mojo(name = "schema-register", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SchemaRegisterMojo extends AbstractMojo {

    /** The event interfaces (binary names, such as {@code org.example.BookEvent}) or packages to register. */
    @Parameter(required = true)
    private List<String> types;

    /** Where the registered schemas are kept, committed with the code. */
    @Parameter(property = "annals.schemas", defaultValue = "${project.basedir}/schemas")
    private File schemas;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> classpath;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try (var project = ProjectEventTypes.load(outputDirectory, classpath, types)) {
            var gate = new SchemaGate(project.registries(), new SchemaDirectory(schemas.toPath()));
            var registration = gate.register();
            if (registration.refused()) {
                throw new MojoFailureException(
                        Violations.summary(registration.violations(), "nothing registered", schemas));
            }
            registration.written().forEach(schema -> getLog().info("annals: registered " + schema.label()));
            getLog().info("annals: schema register: " + gate.typeCount() + " types, "
                    + registration.written().size() + " new file(s) in " + schemas);
        }
    }
}

package dev.annals.maven;

import dev.annals.schema.SchemaGate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code annals:schema-register}: compiles the project, then writes the schema file of every event type whose
 * current version is not registered yet under {@code schemas}, to be committed with the change. Refuses, writing
 * nothing, when the code breaks a registered schema. Run by hand; bound to no phase.
 */
@Mojo(name = "schema-register", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SchemaRegisterMojo extends ProjectSchemaMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try (var project = projectEventTypes()) {
            var gate = new SchemaGate(project.registries(), schemaDirectory());
            var registration = gate.register();
            if (registration.refused()) {
                throw new MojoFailureException(
                        Violations.summary(registration.violations(), "nothing registered", schemas()));
            }
            registration.written().forEach(schema -> getLog().info("annals: registered " + schema.label()));
            getLog().info("annals: schema register: " + gate.typeCount() + " types, "
                    + registration.written().size() + " new file(s) in " + schemas());
        }
    }
}

package dev.annals.maven;

import dev.annals.schema.SchemaGate;
import dev.annals.schema.SchemaViolation;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code annals:schema-check}: fails the build when the project's event types would no longer read the events
 * stored under the schemas registered in {@code schemas}, naming each type, version and breaking change. Bound
 * to {@code verify}; the same gate as {@code annals schema check} (docs/schema-evolution.md).
 */
@Mojo(
        name = "schema-check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class SchemaCheckMojo extends ProjectSchemaMojo {

    /** Skips the check. */
    @Parameter(property = "annals.schema.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("annals: schema check skipped");
            return;
        }
        try (var project = projectEventTypes()) {
            var directory = schemaDirectory();
            var registered = directory.read();
            var gate = new SchemaGate(project.registries(), directory);
            List<SchemaViolation> violations = gate.check(registered);
            if (!violations.isEmpty()) {
                throw new MojoFailureException(Violations.summary(violations, "schema check", schemas()));
            }
            getLog().info("annals: schema check: compatible: " + gate.typeCount() + " types against "
                    + registered.size() + " registered schema(s) in " + schemas());
        }
    }
}

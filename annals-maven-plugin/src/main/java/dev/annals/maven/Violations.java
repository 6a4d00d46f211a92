package dev.annals.maven;

import dev.annals.schema.SchemaViolation;
import java.io.File;
import java.util.List;

/** The build failure's message: every violation on a line of its own, so that the build log names them all. */
final class Violations {

    private Violations() {}

    static String summary(List<SchemaViolation> violations, String goal, File schemas) {
        var message = new StringBuilder("annals: " + goal + ": " + violations.size()
                + " incompatible change(s) against the schemas in " + schemas + ":");
        violations.forEach(
                violation -> message.append(System.lineSeparator()).append("  ").append(violation.describe()));
        return message.toString();
    }
}

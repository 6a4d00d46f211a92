package dev.annals.projection;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** The rule for projection names, which name checkpoints, tables and metrics. */
public final class ProjectionNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");

    private ProjectionNames() {}

    /**
     * {@code name} when it starts with a letter and holds only letters, digits, {@code _} and {@code -},
     * at most 100 characters.
     *
     * @throws IllegalArgumentException naming the name otherwise
     */
    public static String validate(String name) {
        requireNonNull(name, "name");
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("projection name '" + name + "' must start with a letter and hold"
                    + " only letters, digits, '_' and '-' (at most 100 characters)");
        }
        return name;
    }
}

package dev.annals.server.auth;

import java.util.Locale;

/** What a token may do: read events; read and append; or everything, operations included. */
public enum Role {
    READER,
    WRITER,
    ADMIN;

    /** True when this role grants {@code permission}. */
    public boolean permits(Permission permission) {
        return switch (permission) {
            case READ -> true;
            case WRITE -> this == WRITER || this == ADMIN;
            case ADMIN -> this == ADMIN;
        };
    }

    /** The role named {@code name} (reader, writer, admin), whatever its case. */
    public static Role parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "': expected reader, writer or admin", e);
        }
    }

    /** The role's name in lower case, as the CLI and the token file spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

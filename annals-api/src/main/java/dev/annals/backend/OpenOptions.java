package dev.annals.backend;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How to open a deployment.
 *
 * <p>Beside what every backend understands, options carry <em>settings</em> looked up by type, for what only
 * some capabilities need (the master key of erasure keys is one: {@code withSetting(MasterKey.class, key)}).
 * The contract does not name those types, so that it depends on no module that defines one; a backend reads
 * the ones it knows and ignores the rest.
 *
 * @param access      read and write, or read beside another writer
 * @param mustExist   true to refuse a location that holds no store yet instead of creating one (for
 *                    commands that only read, so that a mistyped location is reported)
 * @param token       the bearer token for a backend that needs one beside its location (a server's HTTP API)
 * @param settings    values by their type; see {@link #setting(Class)}
 */
public record OpenOptions(Access access, boolean mustExist, Optional<String> token, Map<Class<?>, Object> settings) {

    /** Validates, and freezes the settings. */
    public OpenOptions {
        requireNonNull(access, "access");
        requireNonNull(token, "token");
        settings.forEach((type, value) -> type.cast(requireNonNull(value, "setting " + type.getSimpleName())));
        settings = Map.copyOf(settings);
    }

    /** Read and write, creating the store when absent, no token, no settings. */
    public static OpenOptions defaults() {
        return new OpenOptions(Access.READ_WRITE, false, Optional.empty(), Map.of());
    }

    /** Read only, beside a writer; the store must exist. */
    public static OpenOptions readOnly() {
        return new OpenOptions(Access.READ_ONLY, true, Optional.empty(), Map.of());
    }

    /** These options with {@code access}. */
    public OpenOptions withAccess(Access access) {
        return new OpenOptions(access, mustExist, token, settings);
    }

    /** These options, refusing (true) or creating (false) a store that does not exist. */
    public OpenOptions withMustExist(boolean mustExist) {
        return new OpenOptions(access, mustExist, token, settings);
    }

    /** These options with a bearer token. */
    public OpenOptions withToken(Optional<String> token) {
        return new OpenOptions(access, mustExist, token, settings);
    }

    /** These options with the setting of {@code type} set to {@code value}, or removed when it is empty. */
    public <T> OpenOptions withSetting(Class<T> type, Optional<? extends T> value) {
        requireNonNull(type, "type");
        var copy = new HashMap<>(settings);
        value.ifPresentOrElse(present -> copy.put(type, present), () -> copy.remove(type));
        return new OpenOptions(access, mustExist, token, copy);
    }

    /** The setting of {@code type}, if one was given. */
    public <T> Optional<T> setting(Class<T> type) {
        return Optional.ofNullable(settings.get(type)).map(type::cast);
    }
}

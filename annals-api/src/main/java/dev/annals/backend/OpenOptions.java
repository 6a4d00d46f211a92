package dev.annals.backend;

import dev.annals.erasure.MasterKey;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How to open a deployment.
 *
 * @param access      read and write, or read beside another writer
 * @param mustExist   true to refuse a location that holds no store yet instead of creating one (for
 *                    commands that only read, so that a mistyped location is reported)
 * @param token       the bearer token for a backend that needs one beside its location (a server's HTTP API)
 * @param masterKey   the key that wraps erasure keys, when the deployment's subject keys are wrapped
 */
public record OpenOptions(Access access, boolean mustExist, Optional<String> token, Optional<MasterKey> masterKey) {

    /** Validates. */
    public OpenOptions {
        requireNonNull(access, "access");
        requireNonNull(token, "token");
        requireNonNull(masterKey, "masterKey");
    }

    /** Read and write, creating the store when absent, no token, no master key. */
    public static OpenOptions defaults() {
        return new OpenOptions(Access.READ_WRITE, false, Optional.empty(), Optional.empty());
    }

    /** Read only, beside a writer; the store must exist. */
    public static OpenOptions readOnly() {
        return new OpenOptions(Access.READ_ONLY, true, Optional.empty(), Optional.empty());
    }

    /** These options with {@code access}. */
    public OpenOptions withAccess(Access access) {
        return new OpenOptions(access, mustExist, token, masterKey);
    }

    /** These options, refusing (true) or creating (false) a store that does not exist. */
    public OpenOptions withMustExist(boolean mustExist) {
        return new OpenOptions(access, mustExist, token, masterKey);
    }

    /** These options with a bearer token. */
    public OpenOptions withToken(Optional<String> token) {
        return new OpenOptions(access, mustExist, token, masterKey);
    }

    /** These options with the master key of erasure keys. */
    public OpenOptions withMasterKey(Optional<MasterKey> masterKey) {
        return new OpenOptions(access, mustExist, token, masterKey);
    }
}

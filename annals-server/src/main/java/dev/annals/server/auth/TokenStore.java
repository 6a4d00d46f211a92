package dev.annals.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.annals.server.internal.json.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Bearer tokens kept in {@code tokens.json} in the data directory, each as the SHA-256 of its secret
 * with its role and stream prefix. The file is re-read whenever it changes, so a token created or
 * revoked by {@code annals tokens} in another process takes effect on a running server.
 *
 * <p>The file is written readable and writable by its owner only ({@code 0600} where the file system has
 * POSIX permissions), through a temporary file created so and moved into place; an existing file that
 * others may read is reported once, as a warning.
 */
public final class TokenStore {

    /** The file's name inside the data directory. */
    public static final String FILE_NAME = "tokens.json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Clock clock;
    private List<StoredToken> tokens = List.of();
    private long loadedStamp = Long.MIN_VALUE;
    private boolean warnedOfPermissions;

    private record StoredToken(TokenInfo info, String sha256) {}

    private TokenStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The tokens of {@code dataDirectory}; none until one is created. */
    public static TokenStore in(Path dataDirectory) {
        return new TokenStore(requireNonNull(dataDirectory, "dataDirectory").resolve(FILE_NAME), Clock.systemUTC());
    }

    /** True when {@code dataDirectory} holds a token file. */
    public static boolean existsIn(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(FILE_NAME));
    }

    /** Creates a token with {@code role} for the streams starting with {@code streamPrefix} (empty: all). */
    public synchronized IssuedToken create(Role role, String streamPrefix) {
        requireNonNull(role, "role");
        requireNonNull(streamPrefix, "streamPrefix");
        byte[] id = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String tokenId = HexFormat.of().formatHex(id);
        String bearer = "annals_" + tokenId + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var info = new TokenInfo(tokenId, role, streamPrefix, clock.instant(), Optional.empty());
        var updated = new ArrayList<>(load());
        updated.add(new StoredToken(info, sha256(bearer)));
        save(updated);
        return new IssuedToken(info, bearer);
    }

    /** Every token, revoked ones included, oldest first. */
    public synchronized List<TokenInfo> list() {
        return load().stream().map(StoredToken::info).toList();
    }

    /**
     * Revokes the token {@code id}; revoking it again changes nothing.
     *
     * @throws UnknownTokenException when no token has that id
     */
    public synchronized TokenInfo revoke(String id) {
        var updated = new ArrayList<StoredToken>();
        TokenInfo revoked = null;
        for (StoredToken token : load()) {
            if (token.info().id().equals(id) && revoked == null) {
                var info = token.info();
                revoked = new TokenInfo(
                        info.id(),
                        info.role(),
                        info.streamPrefix(),
                        info.createdAt(),
                        Optional.of(info.revokedAt().orElse(clock.instant())));
                updated.add(new StoredToken(revoked, token.sha256()));
            } else {
                updated.add(token);
            }
        }
        if (revoked == null) {
            throw new UnknownTokenException(id);
        }
        save(updated);
        return revoked;
    }

    /** The live (not revoked) token whose secret is {@code bearer}, if there is one. */
    public synchronized Optional<TokenInfo> authenticate(String bearer) {
        byte[] hash = sha256(bearer).getBytes(StandardCharsets.US_ASCII);
        for (StoredToken token : load()) {
            // Constant-time comparison: the time taken tells nothing about how close a guess was.
            if (MessageDigest.isEqual(hash, token.sha256().getBytes(StandardCharsets.US_ASCII))
                    && !token.info().revoked()) {
                return Optional.of(token.info());
            }
        }
        return Optional.empty();
    }

    /**
     * True while the token {@code id} exists and is not revoked, as the token file says now: what a live
     * subscription opened with it asks, to end when the token is revoked.
     */
    public synchronized boolean isLive(String id) {
        return load().stream()
                .anyMatch(token -> token.info().id().equals(id) && !token.info().revoked());
    }

    private List<StoredToken> load() {
        try {
            long stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
            if (stamp != loadedStamp) {
                tokens = stamp == -1 ? List.of() : parse(ApiJson.MAPPER.readTree(file.toFile()));
                loadedStamp = stamp;
                if (stamp != -1) {
                    warnIfOthersMayRead();
                }
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the token file " + file, e);
        }
    }

    private static List<StoredToken> parse(JsonNode root) {
        var parsed = new ArrayList<StoredToken>();
        for (JsonNode node : root.path("tokens")) {
            JsonNode revoked = node.path("revokedAt");
            parsed.add(new StoredToken(
                    new TokenInfo(
                            node.path("id").asText(),
                            Role.parse(node.path("role").asText()),
                            node.path("streams").asText(""),
                            Instant.parse(node.path("createdAt").asText()),
                            revoked.isTextual() ? Optional.of(Instant.parse(revoked.asText())) : Optional.empty()),
                    node.path("sha256").asText()));
        }
        return List.copyOf(parsed);
    }

    private void save(List<StoredToken> updated) {
        var root = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("tokens");
        for (StoredToken token : updated) {
            var node = array.addObject();
            node.put("id", token.info().id());
            node.put("role", token.info().role().label());
            node.put("streams", token.info().streamPrefix());
            node.put("createdAt", token.info().createdAt().toString());
            token.info().revokedAt().ifPresent(at -> node.put("revokedAt", at.toString()));
            node.put("sha256", token.sha256());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = ownerOnlyTemporaryFile();
            try {
                Files.write(
                        temporary,
                        ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            tokens = List.copyOf(updated);
            loadedStamp = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the token file " + file, e);
        }
    }

    /** A new file beside the token file, readable and writable by its owner only from its creation on. */
    private Path ownerOnlyTemporaryFile() throws IOException {
        if (posix()) {
            return Files.createTempFile(
                    file.getParent(), FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void warnIfOthersMayRead() throws IOException {
        if (warnedOfPermissions || !posix()) {
            return;
        }
        var permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream()
                .anyMatch(permission -> permission != PosixFilePermission.OWNER_READ
                        && permission != PosixFilePermission.OWNER_WRITE
                        && permission != PosixFilePermission.OWNER_EXECUTE)) {
            warnedOfPermissions = true;
            LOG.warn(
                    "the token file {} is {}: other users of this machine may read the token hashes or add tokens;"
                            + " restrict it with chmod 600 (it is rewritten so at the next token change)",
                    file,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.annals.server.auth;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the server knows of a token: never its secret, only the secret's SHA-256.
 *
 * @param id           a short public id, to list and revoke the token by
 * @param role         what it may do
 * @param streamPrefix the prefix of the streams it may touch; empty for every stream
 * @param createdAt    when it was created
 * @param revokedAt    when it was revoked, if it was
 */
public record TokenInfo(String id, Role role, String streamPrefix, Instant createdAt, Optional<Instant> revokedAt) {

    public TokenInfo {
        requireNonNull(id, "id");
        requireNonNull(role, "role");
        requireNonNull(streamPrefix, "streamPrefix");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(revokedAt, "revokedAt");
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    /**
     * True when this token may touch {@code target}: a stream name, or a virtual stream. With a prefix, a
     * category ({@code $ce-X}) is allowed when its streams carry the prefix, or when the prefix is
     * {@code X-}: then the category also holds the stream {@code X}, which the server leaves out of what it
     * returns to the token (its reads and subscriptions send only the streams this method covers).
     * {@code $all} and event types ({@code $et-…}) span every stream and need a token without a prefix.
     */
    public boolean covers(String target) {
        if (streamPrefix.isEmpty()) {
            return true;
        }
        if (target.startsWith("$ce-")) {
            String category = target.substring(4);
            return category.startsWith(streamPrefix) || streamPrefix.equals(category + "-");
        }
        return !target.startsWith("$") && target.startsWith(streamPrefix);
    }
}

package dev.annals.server.internal.auth;

import static java.util.Objects.requireNonNull;

import dev.annals.server.auth.Permission;
import dev.annals.server.auth.TokenInfo;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.internal.error.ApiException;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires a live bearer token whose role grants the permission and whose stream prefix covers the
 * target: 401 when the token is missing, unknown or revoked; 403 when it does not allow the request.
 */
public final class TokenGuard implements Guard {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGuard.class);
    private static final String BEARER = "Bearer ";

    private final TokenStore tokens;

    public TokenGuard(TokenStore tokens) {
        this.tokens = requireNonNull(tokens, "tokens");
    }

    @Override
    public void require(Context ctx, Permission permission, String target) {
        String header = ctx.header("Authorization");
        String queryToken = ctx.queryParam("access_token");
        if ((header == null || header.isBlank()) && queryToken != null && ctx.path().startsWith("/subscriptions/")) {
            // A browser's EventSource cannot send headers: live subscriptions also take ?access_token=.
            header = BEARER + queryToken;
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(401, "unauthenticated", "this server requires a bearer token"
                    + " (Authorization: Bearer TOKEN)", Map.of());
        }
        TokenInfo token = tokens.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> new ApiException(401, "invalid_token",
                        "the bearer token is unknown or revoked", Map.of()));
        if (!token.role().permits(permission)) {
            LOG.info("token {} ({}) refused {} on {}", token.id(), token.role().label(), permission, target);
            throw new ApiException(403, "forbidden", "a " + token.role().label() + " token may not "
                    + permission.name().toLowerCase(java.util.Locale.ROOT) + " here",
                    Map.of("tokenId", token.id(), "role", token.role().label(), "needs", permission.name()));
        }
        if (!token.covers(target)) {
            LOG.info("token {} for streams '{}' refused {} on stream {}", token.id(), token.streamPrefix(),
                    permission, target);
            throw new ApiException(403, "forbidden", "this token is limited to streams starting with '"
                    + token.streamPrefix() + "'", Map.of("tokenId", token.id(), "streams", token.streamPrefix(),
                    "target", target));
        }
    }
}

package dev.annals.server.internal.auth;

import dev.annals.server.auth.TokenStore;
import dev.annals.server.internal.error.ApiException;
import io.javalin.http.Context;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Requires a live bearer token: 401 when the token is missing, unknown or revoked. What the token then
 * allows is its {@link TokenCaller}'s to decide (403).
 */
public final class TokenGuard implements Guard {

    private static final String BEARER = "Bearer ";

    private final TokenStore tokens;

    public TokenGuard(TokenStore tokens) {
        this.tokens = requireNonNull(tokens, "tokens");
    }

    @Override
    public Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String queryToken = ctx.queryParam("access_token");
        if ((header == null || header.isBlank())
                && queryToken != null
                && ctx.path().startsWith("/subscriptions/")) {
            // A browser's EventSource cannot send headers: live subscriptions also take ?access_token=.
            header = BEARER + queryToken;
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(
                    401,
                    "unauthenticated",
                    "this server requires a bearer token" + " (Authorization: Bearer TOKEN)",
                    Map.of());
        }
        return tokens.authenticate(header.substring(BEARER.length()).strip())
                .<Caller>map(token -> new TokenCaller(token, tokens))
                .orElseThrow(() ->
                        new ApiException(401, "invalid_token", "the bearer token is unknown or revoked", Map.of()));
    }
}

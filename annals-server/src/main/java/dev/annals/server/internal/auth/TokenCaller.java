package dev.annals.server.internal.auth;

import dev.annals.server.auth.Permission;
import dev.annals.server.auth.TokenInfo;
import dev.annals.server.auth.TokenStore;
import dev.annals.server.internal.error.ApiException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** A caller that presented a live bearer token: its role and stream prefix decide, its store says if it lives. */
record TokenCaller(TokenInfo token, TokenStore tokens) implements Caller {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCaller.class);

    TokenCaller {
        requireNonNull(token, "token");
        requireNonNull(tokens, "tokens");
    }

    @Override
    public void require(Permission permission, String target) {
        if (!token.role().permits(permission)) {
            LOG.info("token {} ({}) refused {} on {}", token.id(), token.role().label(), permission, target);
            throw new ApiException(
                    403,
                    "forbidden",
                    "a " + token.role().label() + " token may not "
                            + permission.name().toLowerCase(Locale.ROOT) + " here",
                    Map.of("tokenId", token.id(), "role", token.role().label(), "needs", permission.name()));
        }
        if (!token.covers(target)) {
            LOG.info(
                    "token {} for streams '{}' refused {} on stream {}",
                    token.id(),
                    token.streamPrefix(),
                    permission,
                    target);
            throw new ApiException(
                    403,
                    "forbidden",
                    "this token is limited to streams starting with '" + token.streamPrefix() + "'",
                    Map.of("tokenId", token.id(), "streams", token.streamPrefix(), "target", target));
        }
    }

    @Override
    public boolean sees(String stream) {
        return token.covers(stream);
    }

    @Override
    public boolean seesEveryStream() {
        return token.streamPrefix().isEmpty();
    }

    @Override
    public boolean live() {
        return tokens.isLive(token.id());
    }

    @Override
    public String toString() {
        return "token " + token.id();
    }
}

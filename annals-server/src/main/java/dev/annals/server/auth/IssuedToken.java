package dev.annals.server.auth;

import static java.util.Objects.requireNonNull;

/**
 * A token just created: its secret is shown this once and stored only as a hash.
 *
 * @param info   what the server keeps
 * @param secret the bearer token to hand to the client
 */
public record IssuedToken(TokenInfo info, String secret) {

    public IssuedToken {
        requireNonNull(info, "info");
        requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + info + ", secret hidden]";
    }
}

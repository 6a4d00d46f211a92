package dev.annals.cli.tokens;

import dev.annals.cli.Cli;
import dev.annals.server.auth.Role;
import dev.annals.server.auth.TokenStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokensCommandTest {

    @TempDir
    Path data;

    @Test
    void creates_lists_and_revokes_a_token_that_then_no_longer_authenticates() {
        var cli = Cli.onSqlite(data);

        var created = cli.run("tokens", "create", "--role", "writer", "--streams", "account-");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String secret = created.outLines().get(1);
        String id = created.outLines().get(0).split(" ")[1];
        var token = TokenStore.in(data).authenticate(secret);
        assertThat(token).hasValueSatisfying(info -> {
            assertThat(info.role()).isEqualTo(Role.WRITER);
            assertThat(info.streamPrefix()).isEqualTo("account-");
        });

        assertThat(cli.run("tokens", "list").out())
                .contains(id)
                .contains("writer")
                .contains("account-*");
        assertThat(cli.run("tokens", "revoke", id).exitCode()).isZero();
        assertThat(cli.run("tokens", "list").out()).contains("REVOKED");
        assertThat(TokenStore.in(data).authenticate(secret)).isEmpty();
    }

    @Test
    void an_unknown_role_or_token_id_is_rejected() {
        var cli = Cli.onSqlite(data);

        assertThat(cli.run("tokens", "create", "--role", "king").exitCode()).isEqualTo(2);
        assertThat(cli.run("tokens", "revoke", "nope").err()).contains("no token with id 'nope'");
    }
}

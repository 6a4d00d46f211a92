package dev.annals.server;

import dev.annals.server.auth.Role;
import dev.annals.store.sqlite.audit.SqliteAuditTrail;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /audit/verify}: the store's integrity check over HTTP, for admins. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditRoutesTest {

    private static final String TWO =
            "{\"events\":[{\"type\":\"Opened\",\"data\":{}},{\"type\":\"Deposited\",\"data\":{\"amount\":5}}]}";

    @RegisterExtension
    final TokenServer server = new TokenServer((builder, data) -> builder.audit(SqliteAuditTrail.open(data)));

    HttpTestClient admin;

    @BeforeEach
    void admin() {
        admin = server.client(Role.ADMIN);
    }

    @Test
    void reports_an_intact_chain_with_its_head_hash_and_then_the_first_broken_position() throws SQLException {
        admin.post("/streams/account-1", TWO);

        var intact = admin.post("/audit/verify", "");
        assertThat(intact.status()).isEqualTo(200);
        assertThat(intact.json().get("intact").asBoolean()).isTrue();
        assertThat(intact.json().get("verified").asLong()).isEqualTo(2);
        assertThat(intact.json().get("headPosition").asLong()).isEqualTo(2);
        assertThat(intact.json().get("headHash").asText()).hasSize(64);

        try (var connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + server.store().file());
                var statement = connection.createStatement()) {
            statement.execute("UPDATE events SET payload = CAST('{\"amount\":500}' AS BLOB) WHERE position = 2");
        }
        var broken = admin.post("/audit/verify", "");

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.json().get("intact").asBoolean()).isFalse();
        assertThat(broken.json().get("firstBroken").asLong()).isEqualTo(2);
        assertThat(broken.json().get("problem").asText()).contains("does not match its sealed hash");
    }

    @Test
    void needs_the_admin_role_and_a_server_started_with_an_audit_trail() {
        var reader = server.client(Role.READER);
        assertThat(reader.post("/audit/verify", "").status()).isEqualTo(403);

        try (var plain =
                AnnalsServer.start(server.store(), ServerOptions.defaults().withPort(0))) {
            var answer = new HttpTestClient(plain.uri()).post("/audit/verify", "");
            assertThat(answer.status()).isEqualTo(501);
            assertThat(answer.json().get("message").asText()).contains("audit trail");
        }
    }
}

package dev.annals.server;

import dev.annals.server.auth.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeletionRoutesTest {

    private static final String TWO =
            "{\"events\":[{\"type\":\"Opened\",\"data\":{}},{\"type\":\"Deposited\",\"data\":{}}]}";

    @RegisterExtension
    final TokenServer server = new TokenServer();

    HttpTestClient admin;

    @BeforeEach
    void admin() {
        admin = server.client(Role.ADMIN);
    }

    @Test
    void a_writer_may_append_but_not_delete_nor_truncate() {
        var writer = server.client(Role.WRITER);
        assertThat(writer.post("/streams/account-1", TWO).status()).isEqualTo(200);

        assertThat(writer.delete("/streams/account-1").status()).isEqualTo(403);
        assertThat(writer.post("/streams/account-1/truncate?before=1", "").status())
                .isEqualTo(403);
        assertThat(writer.get("/streams/account-1").json().get("events")).hasSize(2);
    }

    @Test
    void an_admin_truncates_then_deletes_hard_and_the_tombstone_refuses_appends_with_410() {
        admin.post("/streams/account-1", TWO);

        var truncated = admin.post("/streams/account-1/truncate?before=1", "");
        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.json().get("eventsHidden").asLong()).isEqualTo(1);
        assertThat(admin.get("/streams/account-1").json().get("events")).hasSize(1);

        var deleted = admin.delete("/streams/account-1?mode=hard");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("lastVersion").asLong()).isEqualTo(1);
        var refused = admin.post("/streams/account-1", TWO);
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.json().get("error").asText()).isEqualTo("stream_deleted");
        assertThat(admin.get("/streams/$all").json().get("events")).hasSize(2);
    }

    @Test
    void unknown_streams_bad_modes_and_truncations_past_the_end_are_4xx_naming_what_was_wrong() {
        admin.post("/streams/account-1", TWO);

        var unknown = admin.delete("/streams/account-9");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("stream_not_found");
        var badMode = admin.delete("/streams/account-1?mode=gently");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().get("details").get("parameter").asText()).isEqualTo("mode");
        var pastEnd = admin.post("/streams/account-1/truncate?before=9", "");
        assertThat(pastEnd.status()).isEqualTo(400);
        assertThat(pastEnd.json().get("error").asText()).isEqualTo("invalid_truncation");
        assertThat(pastEnd.json().get("details").get("lastVersion").asLong()).isEqualTo(1);
        var noVersion = admin.post("/streams/account-1/truncate", "");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(admin.get("/streams/account-1").json().get("events")).hasSize(2);
    }
}

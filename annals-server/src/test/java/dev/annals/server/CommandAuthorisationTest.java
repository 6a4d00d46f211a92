package dev.annals.server;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import dev.annals.decider.EntityType;
import dev.annals.server.auth.Role;
import dev.annals.server.command.CommandRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A command is authorised by every stream it will write: its own and those it declares. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandAuthorisationTest {

    /** Take {@code amount} from the purse {@code from} into this one (whose process manager would debit it). */
    record Take(String from, long amount) {}

    static final EntityType<Take, Long, CounterEvent> PURSE = new EntityType<>(
            "purse",
            new Decider<>() {
                @Override
                public Long initialState() {
                    return 0L;
                }

                @Override
                public Decision<CounterEvent> decide(Take command, Long state) {
                    return Decision.accept(new CounterEvent.Counted(command.amount()));
                }

                @Override
                public Long evolve(Long state, CounterEvent event) {
                    return event instanceof CounterEvent.Counted(long amount) ? state + amount : state;
                }
            },
            CounterEvent.CODEC);

    @RegisterExtension
    final TokenServer server = new TokenServer((builder, data) -> builder.commands(CommandRegistry.empty()
            .with("take", Take.class, PURSE, take -> List.of(take.from()))
            .with("add", CommandRoutesTest.Add.class, CommandRoutesTest.TALLY)));

    private HttpTestClient writer(String prefix) {
        return server.client(server.tokens().create(Role.WRITER, prefix).secret());
    }

    @Test
    void a_token_that_may_not_write_a_declared_stream_is_refused_and_nothing_is_written() {
        var reply = writer("purse-").post("/commands/take/purse-1", "{\"from\":\"vault-1\",\"amount\":5}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(reply.json().get("details").get("target").asText()).isEqualTo("vault-1");
        assertThat(reply.json().get("message").asText()).contains("vault-1").contains("take");
        assertThat(server.store().headPosition()).isZero();
    }

    @Test
    void a_token_that_covers_every_stream_the_command_touches_runs_it() {
        var inside = writer("purse-").post("/commands/take/purse-1", "{\"from\":\"purse-2\",\"amount\":5}");
        var everywhere = writer("").post("/commands/take/purse-1", "{\"from\":\"vault-1\",\"amount\":5}");

        assertThat(inside.status()).isEqualTo(200);
        assertThat(everywhere.status()).isEqualTo(200);
        assertThat(server.store().headPosition()).isEqualTo(2);
    }

    @Test
    void a_declared_stream_that_is_not_a_stream_name_is_refused_with_400() {
        var reply = writer("").post("/commands/take/purse-1", "{\"from\":\"$ce-purse\",\"amount\":5}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_stream_name");
        assertThat(server.store().headPosition()).isZero();
    }

    @Test
    void a_command_that_declares_nothing_touches_only_its_own_stream() {
        var reply = writer("tally-").post("/commands/add/tally-1", "{\"amount\":5}");

        assertThat(reply.status()).isEqualTo(200);
    }
}

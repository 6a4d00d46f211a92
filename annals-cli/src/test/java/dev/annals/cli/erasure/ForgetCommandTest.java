package dev.annals.cli.erasure;

import dev.annals.cli.Cli;
import dev.annals.erasure.PersonalData;
import dev.annals.event.Metadata;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForgetCommandTest {

    /** A customer's registration; its name is personal data of the customer. */
    record Registered(String customerId, String name) {}

    private static final EventTypeRegistry<Registered> REGISTRY = EventTypeRegistry.builder(Registered.class)
            .register(Registered.class, "CustomerRegistered")
            .personalData("CustomerRegistered", "customerId", "name")
            .build();

    @TempDir
    Path data;

    private List<Registered> decodeAll() {
        var codec = new EventCodec<>(REGISTRY, SqliteSubjectKeys.open(data));
        try (var store = SqliteEventStore.open(data);
                var all = store.readAll(0)) {
            return all.map(codec::decode).flatMap(List::stream).toList();
        }
    }

    @Test
    void forgets_a_subject_whose_data_then_reads_as_erased_while_the_hash_chain_stays_intact() {
        try (var store = SqliteEventStore.open(data)) {
            var codec = new EventCodec<>(REGISTRY, SqliteSubjectKeys.open(data));
            store.append(
                    "customer-1",
                    ExpectedVersion.noStream(),
                    codec.encode(new Registered("c-1", "Ann"), Metadata.empty()));
            store.append(
                    "customer-2",
                    ExpectedVersion.noStream(),
                    codec.encode(new Registered("c-2", "Bob"), Metadata.empty()));
            store.append(
                    "customer-1",
                    ExpectedVersion.exact(0),
                    codec.encode(new Registered("c-1", "Ann B."), Metadata.empty()));
        }
        var cli = Cli.onSqlite(data);
        assertThat(cli.run("verify").out()).contains("3 event(s) verified");

        var run = cli.run("forget", "c-1", "--count");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("forget: subject 'c-1' forgotten: its data key is deleted, its personal data"
                        + " now reads as erased; 2 event(s) hold its encrypted data. Events, hash chain and projections are"
                        + " unchanged; clean copies in read models, exports and backups yourself.\n");
        assertThat(decodeAll())
                .containsExactly(
                        new Registered("c-1", PersonalData.ERASED),
                        new Registered("c-2", "Bob"),
                        new Registered("c-1", PersonalData.ERASED));
        var verify = cli.run("verify");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("intact: 3 event(s) verified");
        assertThat(cli.run("forget", "c-1").out()).contains("was forgotten before: nothing changed");
    }

    @Test
    void says_so_in_one_line_when_there_is_no_store() {
        var run = Cli.onSqlite(data.resolve("absent")).run("forget", "c-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("no data directory");
    }
}

package dev.annals.cli.erasure;

import dev.annals.cli.Cli;
import dev.annals.cli.PostgresSchema;
import dev.annals.erasure.PersonalData;
import dev.annals.event.Metadata;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.postgres.PostgresAddress;
import dev.annals.store.postgres.PostgresEventStore;
import dev.annals.store.postgres.PostgresSubjectKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code delete}, {@code truncate} and {@code forget} on a real PostgreSQL store chosen with {@code --store}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresErasureCommandsTest {

    record Registered(String customerId, String name) {}

    private static final EventTypeRegistry<Registered> REGISTRY = EventTypeRegistry.builder(Registered.class)
            .register(Registered.class, "CustomerRegistered")
            .personalData("CustomerRegistered", "customerId", "name")
            .build();

    @RegisterExtension
    final PostgresSchema postgres = new PostgresSchema();

    @TempDir
    Path unused;

    private String store() {
        return postgres.store();
    }

    private Cli.Run run(String... args) {
        return postgres.run(unused.resolve("no-data"), args);
    }

    @Test
    void deletes_truncates_and_forgets_on_postgresql() {
        try (var store = PostgresEventStore.open(PostgresAddress.parse(store()))) {
            var codec = new EventCodec<>(REGISTRY, PostgresSubjectKeys.of(store));
            store.append(
                    "customer-1",
                    ExpectedVersion.noStream(),
                    codec.encode(new Registered("c-1", "Ann"), Metadata.empty()),
                    codec.encode(new Registered("c-1", "Ann B."), Metadata.empty()));
            store.append(
                    "customer-2",
                    ExpectedVersion.noStream(),
                    codec.encode(new Registered("c-2", "Bob"), Metadata.empty()));
        }

        var truncate = run("truncate", "customer-1", "--before", "1");
        var delete = run("delete", "customer-2", "--hard");
        var forget = run("forget", "c-1", "--count");

        assertThat(truncate.exitCode()).as(truncate.err()).isZero();
        assertThat(truncate.out()).contains("now reads from version 1: 1 event(s) hidden");
        assertThat(delete.out()).contains("stream 'customer-2' tombstoned");
        assertThat(forget.exitCode()).as(forget.err()).isZero();
        assertThat(forget.out()).contains("subject 'c-1' forgotten").contains("2 event(s) hold its encrypted data");
        assertThat(run("append", "customer-2", "CustomerRegistered", "{}").errLines())
                .singleElement()
                .asString()
                .contains("tombstoned");
        try (var store = PostgresEventStore.open(PostgresAddress.parse(store()))) {
            var codec = new EventCodec<>(REGISTRY, PostgresSubjectKeys.of(store));
            try (var all = store.readAll(0)) {
                assertThat(all.map(codec::decode).flatMap(List::stream).toList())
                        .containsExactly(
                                new Registered("c-1", PersonalData.ERASED),
                                new Registered("c-1", PersonalData.ERASED),
                                new Registered("c-2", "Bob"));
            }
            assertThat(store.readStream("customer-1").count()).isEqualTo(1);
        }
    }
}

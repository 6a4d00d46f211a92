package dev.annals.example.bank.transfer;

import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransferProcessTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ProjectionOptions options = ProjectionOptions.defaults().withMeterRegistry(new SimpleMeterRegistry())
            .withControlInterval(Duration.ofMillis(50));

    private void open(String account, String owner, long deposit) {
        var accounts = Bank.ACCOUNTS.handler(store);
        accounts.handle(account, new AccountCommand.OpenAccount(owner));
        if (deposit > 0) {
            accounts.handle(account, new AccountCommand.Deposit(deposit));
        }
    }

    private long balance(String account) {
        return Bank.ACCOUNTS.states(store).current(account).state().balance();
    }

    private TransferState transfer(String id) {
        return Bank.TRANSFERS.states(store).current(id).state();
    }

    private ProjectionRunner<RecordedEvent> runProcess(InMemoryProjectionStore checkpoints) {
        return ProjectionRunner.start(new TransferProcess(store).projection(event -> event), store, checkpoints, options);
    }

    private void request(String transfer, String source, String target, long amount) {
        var outcome = Bank.TRANSFERS.handler(store).handle(transfer, new RequestTransfer(source, target, amount));
        assertThat(outcome).isInstanceOf(CommandOutcome.Accepted.class);
    }

    @Test
    void a_transfer_debits_the_source_credits_the_target_and_completes() {
        open("account-1", "Ann", 100_00);
        open("account-2", "Bob", 0);
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            request("transfer-1", "account-1", "account-2", 30_00);

            await().atMost(Duration.ofSeconds(10)).until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED);
        }
        assertThat(balance("account-1")).isEqualTo(70_00);
        assertThat(balance("account-2")).isEqualTo(30_00);
    }

    @Test
    void every_event_of_a_transfer_shares_its_correlation_id_and_names_the_event_that_caused_it() {
        open("account-1", "Ann", 100_00);
        open("account-2", "Bob", 0);
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            Bank.TRANSFERS.handler(store).handle("transfer-1", CommandMessage.of(
                    new RequestTransfer("account-1", "account-2", 30_00),
                    Metadata.empty().withCorrelationId("order-9")));

            await().atMost(Duration.ofSeconds(10)).until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED);
        }
        var requested = store.readStream("transfer-1").findFirst().orElseThrow();
        var debited = store.readStream("account-1").filter(e -> e.type().equals("TransferDebited")).findFirst()
                .orElseThrow();
        var sourceDebited = store.readStream("transfer-1").skip(1).findFirst().orElseThrow();
        var credited = store.readStream("account-2").filter(e -> e.type().equals("TransferCredited")).findFirst()
                .orElseThrow();

        for (var event : List.of(requested, debited, sourceDebited, credited)) {
            assertThat(event.metadata().correlationId()).as(event.type()).contains("order-9");
        }
        assertThat(debited.metadata().causationId()).contains(requested.eventId().toString());
        assertThat(sourceDebited.metadata().causationId()).contains(requested.eventId().toString());
        assertThat(credited.metadata().causationId()).contains(sourceDebited.eventId().toString());
    }

    @Test
    void a_credit_refused_by_a_frozen_target_is_compensated_by_refunding_the_source() {
        open("account-1", "Ann", 100_00);
        open("account-2", "Bob", 0);
        Bank.ACCOUNTS.handler(store).handle("account-2", new AccountCommand.FreezeAccount("audit"));
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            request("transfer-1", "account-1", "account-2", 30_00);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPENSATED);
        }
        assertThat(transfer("transfer-1").reason()).isEqualTo("account is frozen");
        assertThat(balance("account-1")).isEqualTo(100_00);
        assertThat(balance("account-2")).isZero();
    }

    @Test
    void a_debit_refused_for_insufficient_funds_fails_the_transfer_and_moves_nothing() {
        open("account-1", "Ann", 10_00);
        open("account-2", "Bob", 0);
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            request("transfer-1", "account-1", "account-2", 30_00);

            await().atMost(Duration.ofSeconds(10)).until(() -> transfer("transfer-1").status() == TransferStatus.FAILED);
        }
        assertThat(balance("account-1")).isEqualTo(10_00);
        assertThat(balance("account-2")).isZero();
    }

    @Test
    void delivering_every_transfer_event_again_changes_nothing() {
        open("account-1", "Ann", 100_00);
        open("account-2", "Bob", 0);
        open("account-3", "Cid", 0);
        Bank.ACCOUNTS.handler(store).handle("account-3", new AccountCommand.CloseAccount());
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            request("transfer-1", "account-1", "account-2", 30_00);
            request("transfer-2", "account-1", "account-3", 20_00);
            await().atMost(Duration.ofSeconds(10)).until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED
                    && transfer("transfer-2").status() == TransferStatus.COMPENSATED);
            runner.awaitPosition(store.headPosition(), Duration.ofSeconds(10));
        }
        long head = store.headPosition();

        // A fresh checkpoint: the process manager sees every transfer event a second time.
        try (var again = runProcess(new InMemoryProjectionStore())) {
            again.awaitPosition(head, Duration.ofSeconds(10));
        }

        assertThat(store.headPosition()).as("nothing written on redelivery").isEqualTo(head);
        assertThat(balance("account-1")).isEqualTo(70_00);
        assertThat(balance("account-2")).isEqualTo(30_00);
        assertThat(balance("account-3")).isZero();
    }
}

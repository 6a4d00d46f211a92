package dev.annals.example.bank.transfer;

import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransferProcessTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ProjectionOptions options = ProjectionOptions.defaults()
            .withMeterRegistry(new SimpleMeterRegistry())
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
        return ProjectionRunner.start(
                new TransferProcess(store).projection(event -> event), store, checkpoints, options);
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

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED);
        }
        assertThat(balance("account-1")).isEqualTo(70_00);
        assertThat(balance("account-2")).isEqualTo(30_00);
    }

    @Test
    void every_event_of_a_transfer_shares_its_correlation_id_and_names_the_event_that_caused_it() {
        open("account-1", "Ann", 100_00);
        open("account-2", "Bob", 0);
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            Bank.TRANSFERS
                    .handler(store)
                    .handle(
                            "transfer-1",
                            CommandMessage.of(
                                    new RequestTransfer("account-1", "account-2", 30_00),
                                    Metadata.empty().withCorrelationId("order-9")));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED);
        }
        var requested = store.readStream("transfer-1").findFirst().orElseThrow();
        var debited = store.readStream("account-1")
                .filter(e -> e.type().equals("TransferDebited"))
                .findFirst()
                .orElseThrow();
        var sourceDebited = store.readStream("transfer-1").skip(1).findFirst().orElseThrow();
        var credited = store.readStream("account-2")
                .filter(e -> e.type().equals("TransferCredited"))
                .findFirst()
                .orElseThrow();

        for (var event : List.of(requested, debited, sourceDebited, credited)) {
            assertThat(event.metadata().correlationId()).as(event.type()).contains("order-9");
        }
        assertThat(debited.metadata().causationId())
                .contains(requested.eventId().toString());
        assertThat(sourceDebited.metadata().causationId())
                .contains(requested.eventId().toString());
        assertThat(credited.metadata().causationId())
                .contains(sourceDebited.eventId().toString());
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

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.FAILED);
        }
        assertThat(balance("account-1")).isEqualTo(10_00);
        assertThat(balance("account-2")).isZero();
    }

    @Test
    void the_source_refuses_to_close_while_its_transfer_is_in_flight_so_the_refund_lands() {
        open("account-1", "Ann", 30_00);
        open("account-2", "Bob", 0);
        var accounts = Bank.ACCOUNTS.handler(store);
        accounts.handle("account-2", new AccountCommand.FreezeAccount("audit"));
        request("transfer-1", "account-1", "account-2", 30_00);
        // The process manager's first step, taken by hand so that the close comes while the money is away.
        accounts.handle("account-1", new AccountCommand.DebitForTransfer("transfer-1", 30_00));
        Bank.TRANSFERS.handler(store).handle("transfer-1", new TransferCommand.RecordDebit());

        var close = accounts.handle("account-1", new AccountCommand.CloseAccount());

        assertThat(close)
                .isInstanceOfSatisfying(CommandOutcome.Rejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo("transfers from this account are in flight: transfer-1; close it once"
                                + " they have completed or been refunded"));
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPENSATED);
        }
        assertThat(balance("account-1")).isEqualTo(30_00);
    }

    @Test
    void a_completed_transfer_is_settled_on_its_source_which_may_then_close() {
        open("account-1", "Ann", 30_00);
        open("account-2", "Bob", 0);
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            request("transfer-1", "account-1", "account-2", 30_00);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED
                            && Bank.ACCOUNTS
                                    .states(store)
                                    .current("account-1")
                                    .state()
                                    .transfersInFlight()
                                    .isEmpty());
        }

        var close = Bank.ACCOUNTS.handler(store).handle("account-1", new AccountCommand.CloseAccount());

        assertThat(close).isInstanceOf(CommandOutcome.Accepted.class);
        assertThat(store.readStream("account-1").map(RecordedEvent::type))
                .containsSubsequence("TransferDebited", "TransferSettled", "AccountClosed");
    }

    @Test
    void a_transfer_stored_before_targets_were_checked_fails_or_is_refunded_instead_of_being_parked() {
        open("account-1", "Ann", 30_00);
        // Written straight to the store, as the decider no longer would: one not yet debited, one debited.
        store.append(
                "transfer-1",
                ExpectedVersion.noStream(),
                EventData.of(
                        "TransferRequested", "{\"source\":\"account-1\",\"target\":\"transfer-9\",\"amount\":500}"));
        Bank.ACCOUNTS.handler(store).handle("account-1", new AccountCommand.DebitForTransfer("transfer-2", 7_00));
        store.append(
                "transfer-2",
                ExpectedVersion.noStream(),
                EventData.of("TransferRequested", "{\"source\":\"account-1\",\"target\":\"$all\",\"amount\":700}"),
                EventData.of("TransferSourceDebited", "{}"));
        try (var runner = runProcess(new InMemoryProjectionStore())) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.FAILED
                            && transfer("transfer-2").status() == TransferStatus.COMPENSATED);
        }
        assertThat(transfer("transfer-1").reason())
                .isEqualTo("target must be an account such as account-42, was 'transfer-9'");
        assertThat(transfer("transfer-2").reason())
                .isEqualTo("target must be an account such as account-42, was '$all'");
        assertThat(balance("account-1")).isEqualTo(30_00);
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
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transfer("transfer-1").status() == TransferStatus.COMPLETED
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

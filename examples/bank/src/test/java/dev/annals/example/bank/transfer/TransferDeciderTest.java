package dev.annals.example.bank.transfer;

import dev.annals.example.bank.transfer.TransferCommand.RecordCredit;
import dev.annals.example.bank.transfer.TransferCommand.RecordCreditRejected;
import dev.annals.example.bank.transfer.TransferCommand.RecordDebit;
import dev.annals.example.bank.transfer.TransferCommand.RecordRefund;
import dev.annals.example.bank.transfer.TransferCommand.RequestTransfer;
import dev.annals.example.bank.transfer.TransferEvent.CreditRejected;
import dev.annals.example.bank.transfer.TransferEvent.SourceDebited;
import dev.annals.example.bank.transfer.TransferEvent.SourceRefunded;
import dev.annals.example.bank.transfer.TransferEvent.TransferCompleted;
import dev.annals.example.bank.transfer.TransferEvent.TransferRequested;
import dev.annals.testkit.fixture.DeciderFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransferDeciderTest {

    private static final TransferRequested REQUESTED = new TransferRequested("account-1", "account-2", 5_00);

    private final DeciderFixture<TransferCommand, TransferState, TransferEvent> transfer =
            DeciderFixture.of(new TransferDecider());

    @Test
    void a_transfer_is_requested_once_between_two_accounts_for_a_positive_amount() {
        transfer.given()
                .when(new RequestTransfer("account-1", "account-2", 5_00))
                .then(REQUESTED);
        transfer.given(REQUESTED)
                .when(new RequestTransfer("account-1", "account-2", 5_00))
                .thenRejected("transfer was already requested");
        transfer.given()
                .when(new RequestTransfer("account-1", "account-1", 5_00))
                .thenRejected("source and target must differ");
        transfer.given()
                .when(new RequestTransfer("account-1", "account-2", 0))
                .thenRejected("amount must be positive, was 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transfer-1", "$all", "", " ", "account-", "account- ", "account", "Account-1"})
    void refuses_a_target_that_is_not_an_account(String target) {
        transfer.given()
                .when(new RequestTransfer("account-1", target, 5_00))
                .thenRejected("target must be an account such as account-42, was '" + target + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transfer-1", "$all", ""})
    void refuses_a_source_that_is_not_an_account(String source) {
        transfer.given()
                .when(new RequestTransfer(source, "account-2", 5_00))
                .thenRejected("source must be an account such as account-42, was '" + source + "'");
    }

    @Test
    void refuses_a_missing_or_unstorable_account_name() {
        transfer.given()
                .when(new RequestTransfer("account-1", null, 5_00))
                .thenRejected("target is missing: give an account such as account-42");
        transfer.given()
                .when(new RequestTransfer("account-1", "account-\u0007", 5_00))
                .thenRejected("target: invalid stream name 'account-\\u0007': has a control character at index 8");
        transfer.given()
                .when(new RequestTransfer("account-1", "account-" + "9".repeat(300), 5_00))
                .thenRejected("target: invalid stream name 'account-" + "9".repeat(52)
                        + "…': is 308 characters long, more than 200");
    }

    @Test
    void goes_from_debited_to_completed() {
        transfer.given(REQUESTED).when(new RecordDebit()).then(new SourceDebited());
        transfer.given(REQUESTED, new SourceDebited())
                .when(new RecordCredit())
                .then(new TransferCompleted())
                .thenState(new TransferState(TransferStatus.COMPLETED, "account-1", "account-2", 5_00, ""));
    }

    @Test
    void a_refused_credit_is_compensated_by_a_refund() {
        transfer.given(REQUESTED, new SourceDebited())
                .when(new RecordCreditRejected("account is frozen"))
                .then(new CreditRejected("account is frozen"));
        transfer.given(REQUESTED, new SourceDebited(), new CreditRejected("account is frozen"))
                .when(new RecordRefund())
                .then(new SourceRefunded())
                .thenState(new TransferState(
                        TransferStatus.COMPENSATED, "account-1", "account-2", 5_00, "account is frozen"));
    }

    @Test
    void a_step_recorded_again_writes_nothing_and_a_step_out_of_turn_is_refused() {
        transfer.given(REQUESTED, new SourceDebited()).when(new RecordDebit()).thenNothing();
        transfer.given(REQUESTED, new SourceDebited(), new TransferCompleted())
                .when(new RecordCredit())
                .thenNothing();
        transfer.given(REQUESTED).when(new RecordCredit()).thenRejected("transfer is REQUESTED, not DEBITED");
    }
}

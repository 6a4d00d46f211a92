package dev.annals.example.bank;

import dev.annals.decider.EntityType;
import dev.annals.decider.EntityTypes;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountDecider;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.example.bank.account.AccountState;
import dev.annals.example.bank.account.AccountStreams;
import dev.annals.example.bank.transfer.TransferCommand;
import dev.annals.example.bank.transfer.TransferDecider;
import dev.annals.example.bank.transfer.TransferEvent;
import dev.annals.example.bank.transfer.TransferEvents;
import dev.annals.example.bank.transfer.TransferState;

/**
 * The bank's entity types, by stream category, for tools that fold streams by name: accounts live in
 * streams {@code account-ID}, transfers in streams {@code transfer-ID}.
 *
 * <p>A CLI prints an account's past state with
 * {@code StateJson.render(Bank.entityTypes().stateAt(store, "account-1", instant))}.
 */
public final class Bank {

    /** Accounts: category {@code account}. */
    public static final EntityType<AccountCommand, AccountState, AccountEvent> ACCOUNTS =
            new EntityType<>(AccountStreams.CATEGORY, new AccountDecider(), AccountEvents.codec());

    /** Transfers between accounts: category {@code transfer}, run by the {@code TransferProcess}. */
    public static final EntityType<TransferCommand, TransferState, TransferEvent> TRANSFERS =
            new EntityType<>("transfer", new TransferDecider(), TransferEvents.codec());

    private static final EntityTypes ENTITY_TYPES = EntityTypes.of(ACCOUNTS, TRANSFERS);

    private Bank() {}

    /** Every entity type of the bank, by category. */
    public static EntityTypes entityTypes() {
        return ENTITY_TYPES;
    }
}

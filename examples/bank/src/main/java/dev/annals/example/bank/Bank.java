package dev.annals.example.bank;

import dev.annals.decider.EntityType;
import dev.annals.decider.EntityTypes;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.account.AccountDecider;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.example.bank.account.AccountState;

/**
 * The bank's entity types, by stream category, for tools that fold streams by name: accounts live in
 * streams {@code account-ID}.
 *
 * <p>A CLI prints an account's past state with
 * {@code StateJson.render(Bank.entityTypes().stateAt(store, "account-1", instant))}.
 */
public final class Bank {

    /** Accounts: category {@code account}. */
    public static final EntityType<AccountCommand, AccountState, AccountEvent> ACCOUNTS =
            new EntityType<>("account", new AccountDecider(), AccountEvents.codec());

    private static final EntityTypes ENTITY_TYPES = EntityTypes.of(ACCOUNTS);

    private Bank() {
    }

    /** Every entity type of the bank, by category. */
    public static EntityTypes entityTypes() {
        return ENTITY_TYPES;
    }
}

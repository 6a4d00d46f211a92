package dev.annals.example.bank.demo;

import dev.annals.decider.FoldedState;
import dev.annals.example.bank.account.AccountState;

/**
 * What one run of the {@link BankDemo} produced, for callers that check it rather than read it.
 *
 * @param firstAccount    the stream of the account the temporal query looked at
 * @param secondAccount   the stream of the account whose overdraft was rejected
 * @param overdraftReason why the overdraft was rejected
 * @param beforeLastWithdrawal the first account as it was before its last withdrawal
 * @param now             the first account as it is after the demo
 */
public record DemoSummary(
        String firstAccount,
        String secondAccount,
        String overdraftReason,
        FoldedState<AccountState> beforeLastWithdrawal,
        FoldedState<AccountState> now) {}

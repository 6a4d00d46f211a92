package dev.annals.drill.load;

/** What a drill writer asks of an account. */
public sealed interface DrillCommand {

    /** Pay {@code amount} cents in. */
    record Deposit(long amount) implements DrillCommand {}

    /** Pay {@code amount} cents out, refused when the balance is short. */
    record Withdraw(long amount) implements DrillCommand {}
}

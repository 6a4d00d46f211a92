package dev.annals.bench.compare.internal;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The bank account as an Axon Framework aggregate, event sourced by annotated handlers: the same state
 * (owner, balance) as the Annals example's account decider folds.
 */
public class AxonAccount {

    /** The account was opened. */
    public record Opened(String accountId, String owner) {}

    /** Money was deposited, in cents. */
    public record Deposited(long amount) {}

    @AggregateIdentifier
    private String accountId;

    private String owner;
    private long balance;

    /** For Axon, which creates the aggregate before applying its events. */
    public AxonAccount() {}

    @EventSourcingHandler
    void on(Opened opened) {
        accountId = opened.accountId();
        owner = opened.owner();
    }

    @EventSourcingHandler
    void on(Deposited deposited) {
        balance += deposited.amount();
    }

    /** The balance in cents. */
    public long balance() {
        return balance;
    }

    /** The owner's name. */
    public String owner() {
        return owner;
    }
}

package dev.annals.drill.load;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;

/**
 * The drills' own small bank account, so that a drill never writes a user's streams: its state is the
 * balance in cents, and a withdrawal larger than the balance is refused. Money can then only be created or
 * lost by the store or the read side, which is what the money invariant looks for.
 */
public final class DrillAccount implements Decider<DrillCommand, Long, DrillEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Decision<DrillEvent> decide(DrillCommand command, Long balance) {
        return switch (command) {
            case DrillCommand.Deposit deposit -> Decision.accept(new DrillEvent.Deposited(deposit.amount()));
            case DrillCommand.Withdraw withdraw ->
                withdraw.amount() > balance
                        ? Decision.reject("the balance of " + balance + " cannot pay " + withdraw.amount())
                        : Decision.accept(new DrillEvent.Withdrawn(withdraw.amount()));
        };
    }

    @Override
    public Long evolve(Long balance, DrillEvent event) {
        return balance + event.delta();
    }
}

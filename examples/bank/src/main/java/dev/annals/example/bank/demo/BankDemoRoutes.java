package dev.annals.example.bank.demo;

import dev.annals.example.bank.Bank;
import dev.annals.example.bank.account.AccountCommand;
import dev.annals.example.bank.projection.BalancesQuery;
import dev.annals.example.bank.projection.BankReadSide;
import dev.annals.example.bank.transfer.TransferCommand;
import dev.annals.server.ServerBuilder;
import dev.annals.server.command.CommandRegistry;
import dev.annals.server.command.ReadModelQuery;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What {@code annals serve --demo} adds to the server: the bank's commands at {@code /commands/...} and,
 * with the read side running, the balances read model at {@code /queries/balances}.
 */
public final class BankDemoRoutes {

    /** How long {@code /queries/balances?after=POSITION} waits for the projections. */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(10);

    private BankDemoRoutes() {}

    /**
     * The bank's commands that people send; the transfer steps are the process manager's own. A transfer
     * declares the two accounts it will write, so it needs a token allowed to write them.
     */
    static CommandRegistry commands() {
        return CommandRegistry.empty()
                .with("open-account", AccountCommand.OpenAccount.class, Bank.ACCOUNTS)
                .with("deposit", AccountCommand.Deposit.class, Bank.ACCOUNTS)
                .with("withdraw", AccountCommand.Withdraw.class, Bank.ACCOUNTS)
                .with("freeze-account", AccountCommand.FreezeAccount.class, Bank.ACCOUNTS)
                .with("unfreeze-account", AccountCommand.UnfreezeAccount.class, Bank.ACCOUNTS)
                .with("close-account", AccountCommand.CloseAccount.class, Bank.ACCOUNTS)
                // The transfer process manager debits the source and credits the target: a caller must be
                // allowed to write both accounts, not only the transfer stream (docs/adr/0019).
                .with(
                        "transfer",
                        TransferCommand.RequestTransfer.class,
                        Bank.TRANSFERS,
                        transfer -> List.of(transfer.source(), transfer.target()));
    }

    /** Adds the bank's commands to {@code builder}, and its balances query when a read side runs. */
    public static void install(
            ServerBuilder builder,
            EventStore store,
            Optional<BankReadSide> readSide,
            Optional<JdbcReadModels> database) {
        builder.commands(commands());
        if (readSide.isPresent() && database.isPresent()) {
            builder.query("balances", balances(readSide.get(), new BalancesQuery(database.get()), store::headPosition));
        }
    }

    /**
     * {@code ?account=STREAM} for one account (else every account); {@code ?after=POSITION} first waits
     * until the read side has processed that position, the one a command answered with. A position beyond
     * the store's head is refused at once (no append could have answered with it); a wait that times out
     * throws {@link dev.annals.projection.ProjectionLagException}, which the server answers with 504.
     */
    static ReadModelQuery balances(BankReadSide readSide, BalancesQuery query, LongSupplier headPosition) {
        return parameters -> {
            String after = parameters.get("after");
            if (after != null) {
                long position = position(after);
                long head = headPosition.getAsLong();
                if (position > head) {
                    throw new IllegalArgumentException("parameter 'after' is position " + position
                            + ", beyond the store's head position " + head
                            + ": pass the position a command or an append answered with");
                }
                readSide.awaitPosition(position, READ_YOUR_WRITES);
            }
            String account = parameters.get("account");
            if (account != null) {
                return query.of(account)
                        .map(balance -> (Object) balance)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "account '" + account + "' has no balance (yet): is it open?"));
            }
            return Map.of("balances", query.all());
        };
    }

    private static long position(String value) {
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "parameter 'after' must be a global position of 0 or more, was '" + value + "'");
    }
}

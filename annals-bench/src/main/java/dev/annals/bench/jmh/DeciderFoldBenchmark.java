package dev.annals.bench.jmh;

import dev.annals.example.bank.account.AccountDecider;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The fold: evolving the bank account's state over its decoded events, without the store. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeciderFoldBenchmark {

    /** Events in the account's history. */
    @Param({"10", "1000", "10000"})
    public int events;

    private AccountDecider decider;
    private List<AccountEvent> history;

    /** Builds a history: opened, then deposits. */
    @Setup
    public void setUp() {
        decider = new AccountDecider();
        history = new ArrayList<>(events);
        history.add(new AccountEvent.AccountOpened("Ada"));
        for (int i = 1; i < events; i++) {
            history.add(new AccountEvent.Deposited(100));
        }
    }

    /** Folds the whole history from the initial state. */
    @Benchmark
    public AccountState fold() {
        AccountState state = decider.initialState();
        for (AccountEvent event : history) {
            state = decider.evolve(state, event);
        }
        return state;
    }
}

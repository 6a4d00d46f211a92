package dev.annals.drill.drills;

import dev.annals.backend.Deployment;
import dev.annals.drill.DrillSession;
import dev.annals.drill.check.Evidence;
import dev.annals.drill.check.SubscriberLog;
import dev.annals.drill.load.RunningLoad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The session of a drill whose load runs in the drill's own process: each fault waits for the load to be
 * flowing, injects and ends the fault, and recovery is the time from the fault's end to the next
 * acknowledged append (when the writers run between faults) and to what the drill adds.
 */
final class LoadSession implements DrillSession {

    /** One fault, injected and ended. */
    @FunctionalInterface
    interface Fault {
        /** Injects fault {@code number} and ends it; returns what it did. */
        String inject(int number) throws Exception;
    }

    /** What the system working again means for a drill, beside appends being acknowledged. */
    @FunctionalInterface
    interface Recovery {
        /** Returns once it works again; throws {@link dev.annals.drill.DrillFailure} when it does not. */
        void await() throws Exception;
    }

    private final RunningLoad load;
    private final Fault fault;
    private Recovery recovery = () -> {};
    private Recovery drain = () -> {};
    private final List<SubscriberLog> observers = new ArrayList<>();
    private List<AutoCloseable> readSide = List.of();
    private final List<AutoCloseable> resources;
    private int acksAtFaultEnd;

    /**
     * A session on {@code load}; {@code resources} are closed after it, in order. A null resource is one the drill
     * did not need (no throwaway server when it runs on the user's own deployment) and is left out.
     */
    LoadSession(RunningLoad load, Fault fault, AutoCloseable... resources) {
        this.load = load;
        this.fault = fault;
        this.resources = Arrays.stream(resources).filter(Objects::nonNull).toList();
    }

    /** What a drill sets up around a load it has just started, ending with the session. */
    @FunctionalInterface
    interface SetUp {
        LoadSession around() throws Exception;
    }

    /**
     * The session {@code setUp} makes around {@code load}; when that fails, the load is closed, so that its writers
     * and subscriber do not run on beside the next drill.
     */
    static LoadSession around(RunningLoad load, SetUp setUp) throws Exception {
        try {
            return setUp.around();
        } catch (Exception | Error e) {
            try (load) {
                throw e;
            }
        }
    }

    /** This session, waiting for {@code extra} too after each fault (after the next acknowledged append). */
    LoadSession recoveringWhen(Recovery extra) {
        this.recovery = extra;
        return this;
    }

    /** This session, with {@code observer}'s deliveries checked as a live subscriber's are. */
    LoadSession observedBy(SubscriberLog observer) {
        observers.add(observer);
        return this;
    }

    /** This session, waiting for {@code caughtUp} once the load has stopped (before the final check). */
    LoadSession drainingWith(Recovery caughtUp) {
        this.drain = caughtUp;
        return this;
    }

    /** This session, closing {@code runners} (what reads the store) before the load's deployment. */
    LoadSession closingFirst(AutoCloseable... runners) {
        this.readSide = List.of(runners);
        return this;
    }

    @Override
    public long baseline() {
        return load.baseline();
    }

    @Override
    public String inject(int number) throws Exception {
        if (load.writing()) {
            load.awaitAckAfter(load.ledger().size());
        }
        String what = fault.inject(number);
        acksAtFaultEnd = load.ledger().size();
        return what;
    }

    @Override
    public void awaitRecovery() throws Exception {
        if (load.writing()) {
            load.awaitAckAfter(acksAtFaultEnd);
        }
        recovery.await();
    }

    @Override
    public Evidence evidence() {
        var evidence = load.evidence();
        if (observers.isEmpty()) {
            return evidence;
        }
        var subscribers = new ArrayList<>(evidence.subscribers());
        subscribers.addAll(observers);
        return new Evidence(evidence.log(), evidence.ledger(), subscribers, evidence.readModels(), evidence.audit());
    }

    @Override
    public void stopLoad() throws Exception {
        load.stop();
        drain.await();
    }

    @Override
    public Deployment deployment() {
        return load.deployment();
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable runner : readSide) {
            try {
                runner.close();
            } catch (Exception e) {
                first = e;
            }
        }
        try {
            load.close();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            }
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

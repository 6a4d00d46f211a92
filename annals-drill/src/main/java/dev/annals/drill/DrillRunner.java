package dev.annals.drill;

import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.drill.check.Invariants;
import dev.annals.drill.report.DrillReport;
import dev.annals.drill.report.RecoveryTimes;
import dev.annals.store.DeletionMode;
import dev.annals.store.StreamDeletion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one drill: starts its load, injects its faults one after the other, times each recovery, checks the
 * invariants after every recovery (incrementally) and in full every few faults and at the end, then removes
 * the drill's streams. Prints a progress line per fault.
 */
public final class DrillRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DrillRunner.class);

    private DrillRunner() {}

    /** Runs {@code drill} with {@code settings}, telling {@code progress} a line per fault. */
    public static DrillReport run(Drill drill, DrillSettings settings, Consumer<String> progress) {
        var started = Instant.now();
        String store = describe(settings);
        var reason = drill.cannotRun(settings);
        if (reason.isPresent()) {
            progress.accept(drill.name() + ": skipped: " + reason.get());
            return DrillReport.skipped(drill.name(), store, started.toString(), reason.get());
        }
        String prefix = "drill-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
        var recoveries = new ArrayList<Long>();
        var stopReason = "";
        Invariants checker = null;
        int faults = 0;
        long acknowledged = 0;
        try (var session = start(drill, settings, prefix)) {
            checker = new Invariants(prefix, session.baseline());
            var deadline = settings.duration().map(started::plus);
            try {
                for (int n = 1; n <= settings.faults(); n++) {
                    if (deadline.isPresent() && Instant.now().isAfter(deadline.get())) {
                        break;
                    }
                    String what = session.inject(n);
                    faults = n;
                    long t0 = System.nanoTime();
                    session.awaitRecovery();
                    long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                    recoveries.add(millis);
                    checker.incremental(session.evidence());
                    boolean full = n % settings.fullCheckEvery() == 0;
                    if (full) {
                        checker.full(session.evidence());
                    }
                    progress.accept(String.format(
                            "%s  fault %d/%d  %s  recovered in %d ms  acknowledged %d  checked through %d%s  violations %d",
                            drill.name(),
                            n,
                            settings.faults(),
                            what,
                            millis,
                            session.evidence().ledger().size(),
                            checker.checkedThrough(),
                            full ? " (full)" : "",
                            checker.violationCount()));
                    LOG.info("drill {} fault {}: {}; recovered in {} ms", drill.name(), n, what, millis);
                }
            } catch (DrillFailure e) {
                stopReason = e.getMessage();
                progress.accept(drill.name() + "  stopped: " + stopReason);
            }
            session.stopLoad();
            checker.full(session.evidence());
            acknowledged = session.evidence().ledger().size();
            removeStreams(session, checker);
        } catch (NothingToDrill e) {
            progress.accept(drill.name() + ": skipped: " + e.getMessage());
            return DrillReport.skipped(drill.name(), store, started.toString(), e.getMessage());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("drill {} failed", drill.name(), e);
            stopReason = stopReason.isEmpty() ? "the drill failed: " + e.getMessage() : stopReason;
        }
        boolean broken = checker == null || checker.violationCount() > 0 || !stopReason.isEmpty();
        var violations = new ArrayList<String>(checker == null ? List.of() : checker.violations());
        return new DrillReport(
                drill.name(),
                store,
                started.toString(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                broken ? "failed" : "passed",
                stopReason,
                faults,
                acknowledged,
                checker == null ? 0 : checker.lost(),
                checker == null ? 0 : checker.duplicated(),
                RecoveryTimes.of(recoveries),
                checker == null ? 0 : checker.incrementalChecks(),
                checker == null ? 0 : checker.fullChecks(),
                checker == null ? 0 : checker.violationCount(),
                violations);
    }

    /**
     * Starts {@code drill}; a store that lacks what the drill faults (an Annals server has no SQL read models over
     * HTTP) is {@link NothingToDrill}: nothing is drilled, so nothing broke, as when a drill needs a Kafka cluster
     * it was not given.
     */
    private static DrillSession start(Drill drill, DrillSettings settings, String prefix)
            throws Exception, NothingToDrill {
        try {
            return drill.start(settings, prefix);
        } catch (UnsupportedCapabilityException e) {
            throw new NothingToDrill(e.getMessage());
        }
    }

    /** The store offers nothing the drill could fault; the message says what is missing. */
    private static final class NothingToDrill extends Exception {
        NothingToDrill(String message) {
            super(message, null, false, false);
        }
    }

    private static void removeStreams(DrillSession session, Invariants checker) {
        var deletion = session.deployment().capability(StreamDeletion.class);
        if (deletion.isEmpty()) {
            LOG.warn("the store offers no stream deletion: the drill's streams stay");
            return;
        }
        for (String stream : checker.streams()) {
            deletion.get().deleteStream(stream, DeletionMode.HARD);
        }
    }

    private static String describe(DrillSettings settings) {
        try {
            return settings.backends().forLocation(settings.location()).describe(settings.location());
        } catch (RuntimeException e) {
            return settings.location();
        }
    }
}

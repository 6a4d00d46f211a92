package dev.annals.bench.relay;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time taken by the benchmark's own process (the relay runs in it) and by the broker it started, read
 * before and after a phase of the run. On a machine that other work shares, events per second move with the
 * load, while the CPU time per event moves much less: it says what each side costs, and on a machine whose
 * cores are the limit it predicts the ratio of the two throughputs.
 */
final class CpuTimes {

    /** CPU taken by this process and the broker (empty when the run did not start the broker). */
    record Sample(Duration own, Optional<Duration> broker) {

        /** What was taken between {@code earlier} and this sample. */
        Sample since(Sample earlier) {
            return new Sample(own.minus(earlier.own), broker.flatMap(now -> earlier.broker.map(now::minus)));
        }
    }

    private final Optional<ProcessHandle> broker;

    private CpuTimes(Optional<ProcessHandle> broker) {
        this.broker = broker;
    }

    /** Measures this process and, when the run started it, the broker's. */
    static CpuTimes ofThisProcessAnd(Optional<ProcessHandle> broker) {
        return new CpuTimes(broker);
    }

    Sample now() {
        return new Sample(
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
                broker.flatMap(process -> process.info().totalCpuDuration()));
    }
}

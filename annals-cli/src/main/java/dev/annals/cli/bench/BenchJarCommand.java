package dev.annals.cli.bench;

import dev.annals.cli.BadUsageException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code annals bench} in {@code annals.jar}: only a pointer. The benchmarks ship as {@code annals-bench.jar},
 * so that the tool users run carries neither the benchmarks' peers (Axon Framework, XStream) nor JMH; the
 * {@code ./annals} script starts that jar for {@code bench}, and this command answers whoever runs
 * {@code java -jar annals.jar bench} directly.
 */
@Command(
        name = "bench",
        description = {
            "Runs a benchmark (append, projection, compare-append, compare-replay, compare-load," + " server-load).",
            "The benchmarks ship as annals-bench.jar: ./annals bench ... starts it (./annals bench --help"
                    + " lists them)."
        })
public final class BenchJarCommand implements Callable<Integer> {

    // Whatever follows (a benchmark and its options) is for annals-bench.jar, not a usage error here.
    @Unmatched
    private List<String> arguments;

    @Override
    public Integer call() {
        throw new BadUsageException("the benchmarks are not in annals.jar: run ./annals bench ..."
                + " (or java -jar annals-bench.jar ...)");
    }
}

package dev.annals.bench.cli;

import dev.annals.bench.relay.RelayBenchmark;
import dev.annals.bench.relay.RelayBenchmarkOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code annals bench relay}: the Kafka relay's throughput against Kafka's own producer, and its latency. */
@Command(
        name = "relay",
        sortOptions = false,
        description = {
            "Measures the Kafka relay on a new SQLite store (a temporary directory unless --data is given), with a"
                    + " broker it starts on free loopback ports unless --bootstrap-servers is given.",
            "Throughput: --events events of --size bytes are appended, then the relay publishes them; prints"
                    + " events/s beside Kafka's own ProducerPerformance on the same broker (records as large as"
                    + " the relay's envelope, keyed over as many streams, the relay's producer settings and"
                    + " transactions), the ratio, and each side's CPU per event (its process and the broker).",
            "Latency: single-event appends at a steady --rate for --warm-up seconds, not counted, then for"
                    + " --seconds; prints p50/p99 from each append's due time to its receipt by a read_committed"
                    + " consumer."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  annals bench relay",
            "  annals bench relay --events 100000 --bootstrap-servers 127.0.0.1:9092",
            "  annals bench relay --producer batch.size=524288 --producer linger.ms=20"
        })
public final class BenchRelayCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private BenchCommand bench;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Events the relay publishes for its throughput (default: ${DEFAULT-VALUE}).")
    private int events;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            defaultValue = "200",
            description = "Each event's JSON payload (default: ${DEFAULT-VALUE}); the envelope is larger.")
    private int size;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "5000",
            description = "Events per second during the latency run (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "Length of the latency run (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(
            names = "--warm-up",
            paramLabel = "S",
            defaultValue = "5",
            description = "Seconds of the same appends before the latency run, not counted: the throughput run"
                    + " compiles neither single-event appends nor a relay at the head (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "A broker to benchmark on (default: one started for the run and deleted after it).")
    private String bootstrapServers;

    @Option(
            names = "--producer",
            paramLabel = "KEY=VALUE",
            description = "A producer setting for the relay and the ceiling alike, instead of the relay's default:"
                    + " linger.ms, batch.size or compression.type (repeatable).")
    private Map<String, String> producer = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        RelayBenchmarkOptions options;
        try {
            options = new RelayBenchmarkOptions(
                    events,
                    size,
                    rate,
                    Duration.ofSeconds(seconds),
                    Duration.ofSeconds(warmUp),
                    Optional.ofNullable(bootstrapServers),
                    producer);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String report = bench.inDataDirectory("annals-bench-relay", directory -> RelayBenchmark.run(directory, options)
                .report());
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        return BenchCommand.OK;
    }
}

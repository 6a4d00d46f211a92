package dev.annals.cli.drill;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.BadUsageException;
import dev.annals.cli.ExitCodes;
import dev.annals.drill.Drill;
import dev.annals.drill.DrillCatalog;
import dev.annals.drill.DrillRunner;
import dev.annals.drill.DrillSettings;
import dev.annals.drill.report.DrillReport;
import dev.annals.drill.report.ReportFile;
import dev.annals.kafka.relay.RelayConfigurationException;
import dev.annals.kafka.relay.RelayOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code annals drill NAME...}: chaos drills against the store, a progress line per fault, a final table and
 * a JSON report. Exit 1 when any invariant broke. The drills themselves live in annals-drill.
 */
@Command(
        name = "drill",
        sortOptions = false,
        description = {
            "Rehearses failures under load: injects a fault again and again, checks the invariants after every"
                    + " recovery, prints a table and writes a JSON report.",
            "Writes only streams named drill-..., and removes them afterwards. Exit 1 when an invariant broke.",
            "Drills: kill-writer, kill-projection, restart-database, cut-connections, disk-full, poison-event,"
                    + " slow-consumer, kill-relay, or all."
        })
public final class DrillCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "The drills to run, in order, or all.")
    private List<String> names;

    @Option(names = "--faults", paramLabel = "N", description = "Faults per drill (default 100; 3 with --quick).")
    private Integer faults;

    @Option(names = "--minutes", paramLabel = "M", description = "Stop each drill after M minutes.")
    private Double minutes;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the report to FILE.json.")
    private Path report;

    @Option(names = "--quick", description = "A short run with a light load (seconds per drill), as CI runs it.")
    private boolean quick;

    @Option(
            names = "--full-check-every",
            paramLabel = "N",
            description = "Compare everything every N faults (default 10); incremental checks run after each.")
    private int fullCheckEvery = 10;

    @Option(
            names = "--allow-restart",
            paramLabel = "COMMAND",
            description = "restart-database: restart the --store database with this shell command instead of a"
                    + " throwaway PostgreSQL of the drill's own.")
    private String restartCommand;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "kill-relay: the Kafka cluster its relay publishes to (a topic and a relay name of the"
                    + " drill's own); without it kill-relay is skipped.")
    private String bootstrapServers;

    @Override
    public Integer call() throws IOException {
        var drills = drills();
        var settings = settings();
        var out = spec.commandLine().getOut();
        var reports = new ArrayList<DrillReport>();
        for (Drill drill : drills) {
            reports.add(DrillRunner.run(drill, settings, line -> {
                out.println(line);
                out.flush();
            }));
        }
        var file = ReportFile.of(reports);
        DrillTable.print(file, out);
        if (report != null) {
            file.write(report);
            out.println("report: " + report);
        }
        if (annals.explicitStore().isEmpty()) {
            // The console of a server on this data directory shows it.
            file.write(annals.dataDirectory().resolve(ReportFile.IN_DATA_DIRECTORY));
        }
        out.flush();
        return file.passed() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private List<Drill> drills() {
        var chosen = new LinkedHashSet<Drill>();
        for (String name : names) {
            if (name.equals("all")) {
                chosen.addAll(DrillCatalog.all());
                continue;
            }
            chosen.add(DrillCatalog.named(name)
                    .orElseThrow(() -> new BadUsageException(
                            "no drill is called '" + name + "': the drills are " + DrillCatalog.names() + ", or all")));
        }
        return List.copyOf(chosen);
    }

    private DrillSettings settings() {
        if (faults != null && faults < 1) {
            throw new BadUsageException("--faults must be 1 or more, was " + faults);
        }
        if (minutes != null && !(minutes > 0)) {
            throw new BadUsageException("--minutes must be more than 0, was " + minutes);
        }
        if (fullCheckEvery < 1) {
            throw new BadUsageException("--full-check-every must be 1 or more, was " + fullCheckEvery);
        }
        if (restartCommand != null && annals.explicitStore().isEmpty()) {
            throw new BadUsageException("--allow-restart restarts the database of --store: give --store too");
        }
        if (bootstrapServers != null) {
            try {
                RelayOptions.to(bootstrapServers);
            } catch (RelayConfigurationException e) {
                throw new BadUsageException("--bootstrap-servers: " + e.getMessage());
            }
        }
        // With --minutes alone, the time limit ends the drill, not a count.
        int count = faults != null ? faults : minutes != null ? Integer.MAX_VALUE : quick ? 3 : 100;
        return new DrillSettings(
                annals.storeLocation(),
                annals.backends(),
                count,
                Optional.ofNullable(minutes).map(m -> Duration.ofMillis((long) (m * 60_000))),
                quick,
                fullCheckEvery,
                restartCommand != null,
                Optional.ofNullable(restartCommand),
                Optional.ofNullable(bootstrapServers));
    }
}

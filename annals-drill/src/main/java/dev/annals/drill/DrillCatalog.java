package dev.annals.drill;

import dev.annals.drill.drills.CutConnections;
import dev.annals.drill.drills.DiskFull;
import dev.annals.drill.drills.KillProjection;
import dev.annals.drill.drills.KillRelay;
import dev.annals.drill.drills.KillWriter;
import dev.annals.drill.drills.PoisonEvent;
import dev.annals.drill.drills.RestartDatabase;
import dev.annals.drill.drills.SlowConsumer;
import java.util.List;
import java.util.Optional;

/** The drills Annals ships, by name. */
public final class DrillCatalog {

    private static final List<Drill> DRILLS = List.of(
            new KillWriter(),
            new KillProjection(),
            new RestartDatabase(),
            new CutConnections(),
            new DiskFull(),
            new PoisonEvent(),
            new SlowConsumer(),
            new KillRelay());

    private DrillCatalog() {}

    /** Every drill, in the order {@code annals drill all} runs them. */
    public static List<Drill> all() {
        return DRILLS;
    }

    /** The drill called {@code name}. */
    public static Optional<Drill> named(String name) {
        return DRILLS.stream().filter(drill -> drill.name().equals(name)).findFirst();
    }

    /** The names, comma-separated, for help and errors. */
    public static String names() {
        return String.join(", ", DRILLS.stream().map(Drill::name).toList());
    }
}

package dev.annals.drill;

import dev.annals.drill.drills.KillWriter;
import java.util.List;
import java.util.Optional;

/** The drills Annals ships, by name. */
public final class DrillCatalog {

    private static final List<Drill> DRILLS = List.of(new KillWriter());

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

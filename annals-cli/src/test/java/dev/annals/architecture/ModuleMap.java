package dev.annals.architecture;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The modules split from the former core (ADR 0031), each by the packages it holds, and which of the others
 * each may use. The pattern {@code dev.annals.store} names that package alone: the backends' packages
 * below it ({@code store.jdbc}, {@code store.sqlite}, {@code store.postgres}) are other modules.
 */
enum ModuleMap {
    API(
            Set.of(),
            "dev.annals.event..",
            "dev.annals.store",
            "dev.annals.store.internal..",
            "dev.annals.store.memory..",
            "dev.annals.subscription..",
            "dev.annals.backend.."),
    ERASURE(Set.of(), "dev.annals.erasure.."),
    SERIALIZATION(Set.of("API", "ERASURE"), "dev.annals.serialization.."),
    DECIDER(Set.of("API", "SERIALIZATION"), "dev.annals.decider..", "dev.annals.snapshot.."),
    PROJECTION(Set.of("API", "SERIALIZATION"), "dev.annals.projection.."),
    // a schema marks the personal fields that the type registry declares (EventSchemas reads PersonalData);
    // the schema gate finds a project's event types through the entity types it declares (ADR 0038)
    SCHEMA(Set.of("API", "SERIALIZATION", "ERASURE", "DECIDER"), "dev.annals.schema.."),
    AUDIT(Set.of("API"), "dev.annals.audit..");

    /** Everything else of Annals, which none of the modules above may use. */
    static final List<String> REST = List.of(
            "dev.annals.store.jdbc..",
            "dev.annals.store.sqlite..",
            "dev.annals.store.postgres..",
            "dev.annals.testkit..",
            "dev.annals.server..",
            "dev.annals.client..",
            "dev.annals.cli..",
            "dev.annals.bench..",
            "dev.annals.example..");

    private final Set<String> allowed;
    private final List<String> packages;

    ModuleMap(Set<String> allowed, String... packages) {
        this.allowed = allowed;
        this.packages = List.of(packages);
    }

    String[] packages() {
        return packages.toArray(String[]::new);
    }

    /** The packages of Annals this module must not use: the modules it is not allowed, and the rest. */
    String[] forbidden() {
        return Stream.concat(
                        Stream.of(values())
                                .filter(other -> other != this && !allowed.contains(other.name()))
                                .flatMap(other -> other.packages.stream()),
                        REST.stream())
                .toArray(String[]::new);
    }
}

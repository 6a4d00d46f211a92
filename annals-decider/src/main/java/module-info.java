/** The command side: deciders, entity types, the command handler and snapshots (they depend on each other). */
module dev.annals.decider {
    requires transitive dev.annals.api;
    requires transitive dev.annals.serialization;
    requires org.slf4j;
    requires micrometer.core;

    exports dev.annals.decider;
    exports dev.annals.snapshot;
}

/** The event schema registry, its compatibility checks and the store that validates appends against it. */
module dev.annals.schema {
    requires transitive dev.annals.api;
    requires transitive dev.annals.serialization;
    requires transitive dev.annals.decider;
    requires org.slf4j;

    exports dev.annals.schema;
}

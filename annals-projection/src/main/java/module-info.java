/** The read side: projections fed by subscriptions, read models, dead letters, rebuilds and segments. */
module dev.annals.projection {
    requires transitive dev.annals.api;
    requires transitive dev.annals.serialization;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports dev.annals.projection;
    exports dev.annals.projection.memory;
    exports dev.annals.projection.replay;
    exports dev.annals.projection.segment;
}

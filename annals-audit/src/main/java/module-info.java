/** The audit trail's hash chain over recorded events. */
module dev.annals.audit {
    requires transitive dev.annals.api;

    exports dev.annals.audit;
}

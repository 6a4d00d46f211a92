/** Typed events to and from the stored JSON: the type registry, upcasting and personal data's sealing. */
module dev.annals.serialization {
    requires transitive dev.annals.api;
    requires transitive dev.annals.erasure;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.module.paramnames;

    exports dev.annals.serialization;
}

/** Typed events to and from the stored JSON: the type registry, upcasting and personal data's sealing. */
module dev.annals.serialization {
    requires transitive dev.annals.api;
    requires transitive dev.annals.erasure;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.annals.serialization;
}

package dev.annals.schema.declared.empty;

/** A package with classes and no registry: selecting it is an error. */
public final class NotAnEvent {

    private NotAnEvent() {}
}

package dev.annals.serialization;

/** The key of an upcaster: the stored type name and the schema version it reads. */
record UpcastKey(String type, int fromVersion) {}

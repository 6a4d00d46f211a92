package dev.annals.server.auth;

/** What a request wants to do: read events, append events, or operate the server. */
public enum Permission {
    READ,
    WRITE,
    ADMIN
}

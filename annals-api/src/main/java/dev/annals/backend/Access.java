package dev.annals.backend;

/** What a caller will do with a deployment it opens. */
public enum Access {

    /** Append and read: the one writer of an embedded store, or any number of processes on a server. */
    READ_WRITE,

    /**
     * Read only, beside a writer that may hold the store in another process (the command line reading the
     * store of a running server). Appends are refused.
     */
    READ_ONLY
}

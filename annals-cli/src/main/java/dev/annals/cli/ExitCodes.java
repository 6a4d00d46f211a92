package dev.annals.cli;

/** The exit codes of the {@code annals} command. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The request was rejected or failed: the store refused it, or its input was wrong. Nothing was written. */
    public static final int REJECTED = 1;
    /** The command line itself was wrong: an unknown option, a missing or malformed parameter. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}

package dev.annals.cli.transfer;

import java.io.Console;

/** Whether the process writes to a terminal, where binary output such as gzip only garbles the screen. */
final class Terminal {

    private Terminal() {}

    /**
     * True when stdout (and stdin) are a terminal. Since JDK 22 {@link System#console()} exists even when
     * redirected and {@code Console.isTerminal()} tells; before, a console existed only for a terminal. The
     * method is looked up so that the code still compiles for Java 21.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

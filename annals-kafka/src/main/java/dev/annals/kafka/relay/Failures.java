package dev.annals.kafka.relay;

import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/** How the relay reads a failure: fenced by a newer relay, or something to retry. */
final class Failures {

    private Failures() {}

    static boolean fenced(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** One line: the innermost cause's type and message, which is what says what went wrong. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.replace('\n', ' ');
    }
}

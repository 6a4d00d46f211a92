package dev.annals.schema;

/**
 * The event types a schema gate was asked to check cannot be found in the compiled classes: the message
 * names the sealed interface or package and says what to declare.
 */
public final class UndeclaredEventTypesException extends RuntimeException {

    /** A failure explained by {@code message}. */
    public UndeclaredEventTypesException(String message) {
        super(message);
    }
}

package dev.annals.kafka.relay;

/**
 * The relay cannot run as configured: an unreachable broker at start, refused credentials, a missing topic
 * it may not create, a malformed option. The message is one line meant for an operator.
 */
public class RelayConfigurationException extends RuntimeException {

    public RelayConfigurationException(String message) {
        super(message);
    }
}

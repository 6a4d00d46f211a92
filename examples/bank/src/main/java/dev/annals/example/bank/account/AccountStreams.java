package dev.annals.example.bank.account;

import dev.annals.store.InvalidStreamNameException;
import dev.annals.store.StreamName;
import java.util.Optional;

/**
 * What an account's stream is called: {@code account-ID}, with a non-blank id, and a valid stream name.
 * A transfer checks its source and target with it when it is requested, so that the process manager
 * never sends an account command to a stream that cannot hold an account.
 */
public final class AccountStreams {

    /** The stream category of accounts. */
    public static final String CATEGORY = "account";

    private static final String PREFIX = CATEGORY + "-";

    private AccountStreams() {}

    /**
     * Why {@code stream}, given as the {@code role} of something ({@code "target"}), is not an account's
     * stream; empty when it is one.
     */
    public static Optional<String> problem(String role, String stream) {
        if (stream == null) {
            return Optional.of(role + " is missing: give an account such as account-42");
        }
        if (!stream.startsWith(PREFIX) || stream.substring(PREFIX.length()).isBlank()) {
            return Optional.of(role + " must be an account such as account-42, was '" + shown(stream) + "'");
        }
        try {
            StreamName.validate(stream);
            return Optional.empty();
        } catch (InvalidStreamNameException e) {
            return Optional.of(role + ": " + e.getMessage());
        }
    }

    /** {@code name} fit to quote in a message: control characters as '?', at most 60 characters. */
    private static String shown(String name) {
        var cut = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return cut.chars()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}

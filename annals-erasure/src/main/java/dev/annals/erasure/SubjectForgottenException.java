package dev.annals.erasure;

/**
 * An event was to be written with personal data of a subject that has been forgotten: its key is gone
 * for good, and no new one is made, so that forgotten data is not collected again.
 */
public final class SubjectForgottenException extends RuntimeException {

    private final String subject;

    /** @param subject the forgotten subject */
    public SubjectForgottenException(String subject) {
        super("subject '" + subject + "' has been forgotten: its personal data cannot be written again");
        this.subject = subject;
    }

    /** The forgotten subject. */
    public String subject() {
        return subject;
    }
}

package dev.annals.erasure;

/** What {@link SubjectKeyStore#forget} found. In every case the subject is forgotten afterwards. */
public enum ForgetOutcome {
    /** The subject's key existed and is now deleted. */
    KEY_DELETED,
    /** The subject was forgotten before; nothing changed. */
    ALREADY_FORGOTTEN,
    /** The subject never had a key; it is recorded as forgotten so that none is ever made. */
    NO_KEY
}

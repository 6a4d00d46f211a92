/** Crypto-shredding: subjects' data keys, the master key that wraps them, and what personal data is. */
module dev.annals.erasure {
    requires com.fasterxml.jackson.databind;

    exports dev.annals.erasure;
    // Sealing fields is the codec's job and storing data keys a backend's; users never seal by hand.
    exports dev.annals.erasure.internal to
            dev.annals.serialization,
            dev.annals.store.jdbc;
}

package dev.annals.erasure;

import dev.annals.testkit.erasure.SubjectKeyStoreContract;

class InMemorySubjectKeyStoreTest extends SubjectKeyStoreContract {

    @Override
    protected SubjectKeyStore newKeyStore() {
        return new InMemorySubjectKeyStore();
    }
}

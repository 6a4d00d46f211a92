package dev.annals.event;

import dev.annals.decider.Decider;

/**
 * A class in an API package that uses a decider, which the API must not: ModuleBoundariesTest proves on it
 * that its rules catch such an import. It lives with the tests, so the production code stays clean.
 */
public final class ForbiddenImportSample {

    private ForbiddenImportSample() {}

    static Class<?> forbidden() {
        return Decider.class;
    }
}

package dev.annals.testkit.conformance;

import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;

import java.util.List;

/** One step of a generated sequence that {@link ModelProperties} applies to a store and to its model. */
sealed interface Operation {

    /** Append one event of each of {@code types} to {@code stream}, expecting {@code expected}. */
    record Append(String stream, ExpectedVersion expected, List<String> types) implements Operation {
    }

    /** Append again, unchanged, the events of an earlier successful append (chosen modulo their count). */
    record Retry(int earlierAppend) implements Operation {
    }

    /** Read what {@code request} selects. */
    record Read(ReadRequest request) implements Operation {
    }
}

package dev.annals.testkit.conformance;

import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import java.util.List;

/** One step of a generated sequence that {@link ModelProperties} applies to a store and to its model. */
sealed interface Operation {

    /** Append one event of each of {@code types} to {@code stream}, expecting {@code expected}. */
    record Append(String stream, Expectation expected, List<String> types) implements Operation {}

    /** Append again, unchanged, the events of an earlier successful append (chosen modulo their count). */
    record Retry(int earlierAppend) implements Operation {}

    /** Read what {@code request} selects. */
    record Read(ReadRequest request) implements Operation {}

    /**
     * The expected version of an append, either given outright or relative to the stream's version at
     * the time: random exact versions would almost never match, and matching ones are the interesting case.
     */
    sealed interface Expectation {

        /** The expected version for a stream now at {@code currentVersion} (-1 when it does not exist). */
        ExpectedVersion resolve(long currentVersion);

        /** This expected version, whatever the stream's. */
        record Fixed(ExpectedVersion version) implements Expectation {
            @Override
            public ExpectedVersion resolve(long currentVersion) {
                return version;
            }
        }

        /** Exactly the stream's current version plus {@code offset}, and never below -1 (no stream). */
        record Relative(int offset) implements Expectation {
            @Override
            public ExpectedVersion resolve(long currentVersion) {
                return ExpectedVersion.exact(Math.max(StreamInfo.NO_STREAM, currentVersion + offset));
            }
        }
    }
}

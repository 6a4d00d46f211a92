package dev.annals.store.sqlite;

/**
 * The conformance suite again with the stream index three events behind at most, so that nearly every
 * stream read, version check and stream listing merges indexed events with a tail of unindexed ones
 * (docs/adr/0015). With the default batch of 4096 most tests never leave the tail. The writer keeps one
 * stream in memory, so that its version checks look streams up in the file too, through the tail's
 * positions it knows ({@code StreamIndex.selectStreamStateUpTo}).
 */
class SqliteSmallStreamIndexBatchConformanceTest extends SqliteEventStoreConformanceTest {

    @Override
    protected SqliteOptions options() {
        return SqliteOptions.defaults().withStreamIndexBatch(3).withCachedStreams(1);
    }
}

package dev.annals.store.jdbc;

import dev.annals.event.RecordedEvent;
import dev.annals.store.Direction;
import dev.annals.store.EventReader;
import dev.annals.store.ReadRequest;
import dev.annals.store.ReadSource;
import dev.annals.store.StreamInfo;
import dev.annals.store.jdbc.internal.PagedSpliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.util.Objects.requireNonNull;

/**
 * The reads every SQL backend shares: lazy, paged, and holding no connection between pages.
 *
 * <p>Each page is one query keyed by the last version or position seen, so a read that runs while
 * appends commit sees every event in order, without gaps, and may or may not see the newest ones.
 */
public final class JdbcEventReader implements EventReader {

    /** The largest page a lender may keep ({@link ConnectionLender#withCachedQuery}), in payload bytes. */
    private static final int KEPT_PAGE_BYTES = 64 * 1024;

    private final SqlDialect dialect;
    private final ConnectionLender connections;
    private final int pageSize;

    /**
     * @param pageSize how many rows one query fetches; 1 or more
     */
    public JdbcEventReader(SqlDialect dialect, ConnectionLender connections, int pageSize) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.connections = requireNonNull(connections, "connections");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be 1 or more, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        requireNonNull(request, "request");
        ReadSource source = request.source();
        String sql = dialect.readPage(source, request.direction());
        String key =
                switch (source) {
                    case ReadSource.StreamOf s -> s.stream();
                    case ReadSource.All a -> null;
                    case ReadSource.Category c -> c.category();
                    case ReadSource.EventType t -> t.type();
                };
        boolean forward = request.direction() == Direction.FORWARD;
        var rows = new NameCachingRows(dialect);
        PagedSpliterator.PageFetch<RecordedEvent> fetch = (from, size) -> {
            ConnectionLender.StatementWork<List<RecordedEvent>> query = statement -> {
                int index = 1;
                if (key != null) {
                    statement.setString(index++, key);
                }
                statement.setLong(index++, from);
                statement.setLong(index++, size);
                dialect.bindReadExtras(statement, source, index);
                var events = new ArrayList<RecordedEvent>(size);
                try (var page = statement.executeQuery()) {
                    while (page.next()) {
                        events.add(rows.map(page));
                    }
                }
                return events;
            };
            if (source instanceof ReadSource.StreamOf) {
                // A stream's page is what deciders load and the API's most frequent read, often of the same
                // short streams again: a lender may answer it again while nothing has been committed since.
                return connections.withCachedQuery(
                        new PageKey(sql, key, from, size),
                        sql,
                        statement -> List.copyOf(query.run(statement)),
                        JdbcEventReader::worthKeeping);
            }
            return connections.withStatement(sql, query);
        };
        var pages = new PagedSpliterator<>(
                request.from(),
                request.limit(),
                pageSize,
                fetch,
                source.byVersion() ? RecordedEvent::streamVersion : RecordedEvent::position,
                last -> forward ? last + 1 : last - 1);
        return StreamSupport.stream(pages, false);
    }

    @Override
    public long headPosition() {
        return connections.withStatement(dialect.selectHeadPosition(), statement -> {
            try (var row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    @Override
    public Stream<StreamInfo> streams() {
        PagedSpliterator.PageFetch<KeyedStream> fetch =
                (from, size) -> connections.withStatement(dialect.selectStreamsPage(), statement -> {
                    statement.setLong(1, from - 1);
                    statement.setLong(2, size);
                    List<KeyedStream> streams = new ArrayList<>(size);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            streams.add(new KeyedStream(
                                    rows.getLong(1),
                                    new StreamInfo(rows.getString(2), rows.getLong(3), rows.getLong(4))));
                        }
                    }
                    return streams;
                });
        var pages = new PagedSpliterator<>(1, Long.MAX_VALUE, pageSize, fetch, KeyedStream::key, last -> last + 1);
        return StreamSupport.stream(pages, false).map(KeyedStream::info);
    }

    private record KeyedStream(long key, StreamInfo info) {}

    /**
     * What one page query of a stream depends on besides the database's content. A dialect's extra
     * parameters are left out: SQLite's (where the stream's events in the log's tail end) is never below
     * the stream's committed end, so over the same committed content it selects the same rows.
     */
    private record PageKey(String sql, String key, long from, int size) {}

    /** Pages of at most {@value #KEPT_PAGE_BYTES} bytes of payload are worth keeping. */
    private static boolean worthKeeping(List<RecordedEvent> page) {
        long bytes = 0;
        for (RecordedEvent event : page) {
            bytes += event.payload().length;
            if (bytes > KEPT_PAGE_BYTES) {
                return false;
            }
        }
        return true;
    }
}

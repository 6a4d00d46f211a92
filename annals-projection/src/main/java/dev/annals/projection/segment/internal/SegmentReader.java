package dev.annals.projection.segment.internal;

import dev.annals.event.RecordedEvent;
import dev.annals.projection.segment.StreamSegments;
import dev.annals.store.EventReader;
import dev.annals.store.HeadListener;
import dev.annals.store.HeadNotifier;
import dev.annals.store.ReadRequest;
import dev.annals.store.StreamInfo;
import java.util.stream.Stream;

/**
 * A reader that shows only the events of one segment's streams. A limited read returns up to its limit of
 * the segment's events, reading on through the store's pages until it has them or reaches the head, so
 * that a short page still means "nothing more yet" to the subscription's pager.
 *
 * <p>Wake-ups of the store are passed through when it gives them.
 */
public final class SegmentReader implements EventReader, HeadNotifier {

    private final EventReader store;
    private final int segment;
    private final int segments;

    public SegmentReader(EventReader store, int segment, int segments) {
        this.store = store;
        this.segment = segment;
        this.segments = segments;
    }

    @Override
    public Stream<RecordedEvent> read(ReadRequest request) {
        var unlimited = request.limit(ReadRequest.NO_LIMIT);
        var events = store.read(unlimited).filter(this::inSegment);
        return request.limit() == ReadRequest.NO_LIMIT ? events : events.limit(request.limit());
    }

    private boolean inSegment(RecordedEvent event) {
        return StreamSegments.segmentOf(event.stream(), segments) == segment;
    }

    @Override
    public long headPosition() {
        return store.headPosition();
    }

    @Override
    public Stream<StreamInfo> streams() {
        return store.streams().filter(info -> StreamSegments.segmentOf(info.stream(), segments) == segment);
    }

    @Override
    public void addHeadListener(HeadListener listener) {
        store.capability(HeadNotifier.class).ifPresent(notifier -> notifier.addHeadListener(listener));
    }

    @Override
    public void removeHeadListener(HeadListener listener) {
        store.capability(HeadNotifier.class).ifPresent(notifier -> notifier.removeHeadListener(listener));
    }
}

package dev.annals.bench.compare;

import java.util.List;

/**
 * One load of the append comparison, run the same way on every system.
 *
 * @param name    how tables and charts name it
 * @param writers concurrent writer threads
 * @param streams streams the writers share: as many as writers means each writer has its own stream;
 *                fewer means writers race for versions and retry on conflicts
 * @param batch   events per append
 * @param events  events to append in total
 */
public record AppendWorkload(String name, int writers, int streams, int batch, long events) {

    public AppendWorkload {
        if (writers < 1 || streams < 1 || streams > writers || batch < 1 || events < 1) {
            throw new IllegalArgumentException("a workload needs 1 or more writers, from 1 to writers streams,"
                    + " a batch of 1 or more and 1 or more events; was writers " + writers + ", streams " + streams
                    + ", batch " + batch + ", events " + events);
        }
    }

    /**
     * A short name for choosing workloads on a command line: writers, {@code w}, then the streams they share
     * when contended and {@code s}, a dash, events per append and {@code e}: {@code 64w-1e}, {@code 64w4s-1e},
     * {@code 1w-100e}.
     */
    public String key() {
        return writers + "w" + (contended() ? streams + "s" : "") + "-" + batch + "e";
    }

    /**
     * This workload again, to be run untimed just before it on every system alike, on streams of its own: the
     * code a shape takes (a 100-event append's is not a single event's) is then compiled before the clock
     * starts. A run of 200,000 events lasts about two seconds, and on two cores the JIT compiling Annals's
     * batch path took much of them: 17-20 µs of process CPU per event in the first 100-event workload of a
     * run against 9 in the next one, and 14 µs after a warm-up of half the workload's size. The plain loop's
     * few lines compile at once (7-9 µs in every case).
     */
    public AppendWorkload warmUp() {
        return new AppendWorkload(name + " (warm-up)", writers, streams, batch, events);
    }

    /** Whether writers share streams and so race for versions. */
    public boolean contended() {
        return streams < writers;
    }

    /**
     * The standard set: 1, 8 and 64 writers each on its own stream, with single-event appends and with
     * 100-event appends, and 64 writers racing on 4 streams. Single-event loads append {@code events}
     * events, 100-event loads ten times as many (so that they run about as long).
     */
    public static List<AppendWorkload> standard(long events) {
        return List.of(
                new AppendWorkload("1 writer, 1 event per append", 1, 1, 1, events),
                new AppendWorkload("8 writers, 1 event per append", 8, 8, 1, events),
                new AppendWorkload("64 writers, 1 event per append", 64, 64, 1, events),
                new AppendWorkload("64 writers on 4 streams (contended), 1 event per append", 64, 4, 1, events),
                new AppendWorkload("1 writer, 100 events per append", 1, 1, 100, events * 10),
                new AppendWorkload("8 writers, 100 events per append", 8, 8, 100, events * 10),
                new AppendWorkload("64 writers, 100 events per append", 64, 64, 100, events * 10));
    }
}

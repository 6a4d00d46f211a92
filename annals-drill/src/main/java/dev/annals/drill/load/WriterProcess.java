package dev.annals.drill.load;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.drill.fault.ChildJvm;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The writer process of the kill-writer drill: opens the store through the backend seam and runs
 * {@link LoadWriters} until it is killed, printing {@code READY} once open and one {@link Ack#line()} per
 * acknowledged append, each flushed before the next append starts, so that the drill reads every ack the
 * store gave before the kill.
 *
 * <p>Arguments: store location, stream prefix, number of writers.
 */
public final class WriterProcess {

    private WriterProcess() {}

    public static void main(String[] args) throws InterruptedException {
        ChildJvm.exitWithParent();
        // Straight to the file descriptor: System.out may be taken over by logging.
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        var store = Backends.installed().open(args[0], OpenOptions.defaults()).store();
        synchronized (out) {
            out.println("READY " + store.headPosition());
            out.flush();
        }
        LoadWriters.start(store, args[1], Integer.parseInt(args[2]), 0, ack -> {
            synchronized (out) {
                out.println(ack.line());
                out.flush();
            }
        });
        Thread.currentThread().join();
    }
}

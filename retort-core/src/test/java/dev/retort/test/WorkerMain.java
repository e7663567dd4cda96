package dev.retort.test;

import dev.retort.engine.WorkerLoop;
import dev.retort.run.Experiment;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A child worker process: {@code WorkerMain <experimentDir> <workerId> <port>} runs the real worker loop;
 * {@code WorkerMain <storeUrl> <workerId> <port> <experiment> <artifacts>} joins an experiment on a server.
 */
public final class WorkerMain {
    public static void main(String[] args) {
        System.setProperty("retort.test.port", args[2]);
        Clock clock = Clock.systemUTC();
        StoreLocation at = args.length > 3 ? StoreLocation.of("url", args[0], args[3], Path.of(args[4]), System.getenv())
                : new StoreLocation.Directory(Path.of(args[0]));
        try (Experiment exp = Experiment.join(at, clock); TrialStore store = exp.store()) {
            WorkerLoop loop = exp.worker(store, args[1], WorkerMain.class.getClassLoader(), List.of(), clock);
            WorkerLoop.Summary s = loop.run();
            System.out.println("summary evaluated=" + s.evaluated() + " done=" + s.done() + " lost=" + s.lost() + " reason=" + s.exitReason());
        }
    }
}

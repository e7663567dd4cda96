package dev.retort.test;

import dev.retort.engine.WorkerLoop;
import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A child worker process: {@code WorkerMain <experimentDir> <workerId> <port>} runs the real worker loop. */
public final class WorkerMain {
    public static void main(String[] args) {
        System.setProperty("retort.test.port", args[2]);
        Clock clock = Clock.systemUTC();
        try (Experiment exp = Experiment.join(Path.of(args[0]), clock); TrialStore store = exp.store()) {
            WorkerLoop loop = exp.worker(store, args[1], WorkerMain.class.getClassLoader(), List.of(), clock);
            WorkerLoop.Summary s = loop.run();
            System.out.println("summary evaluated=" + s.evaluated() + " done=" + s.done() + " lost=" + s.lost() + " reason=" + s.exitReason());
        }
    }
}

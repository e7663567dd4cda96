package dev.retort.cli;

import dev.retort.engine.Hosts;
import dev.retort.engine.StopReason;
import dev.retort.engine.WorkerLoop;
import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** Joins an experiment as one worker, from any machine that reaches its store. */
@Command(name = "worker", description = "Join the experiment in DIR as a worker until no trial is left.")
final class WorkerCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--id", description = "Worker id (default: host-pid).")
    String id;

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Jars or directories with objective classes, ':'-separated.")
    String classpath;

    @Option(names = NetworkFs.OVERRIDE, description = "Use an experiment directory on a network filesystem (NFS, CIFS, Lustre...)"
            + " although SQLite's locking is unreliable there (docs/hosts.md).")
    boolean allowNetworkFs;

    /** Set by {@code retort run}: stdin is a pipe from the run, and its end (the run died) stops this worker. */
    @Option(names = "--watch-parent", hidden = true)
    boolean watchParent;

    @Override
    public Integer call() throws Exception {
        dev.retort.store.StoreLocation at = where.location();
        if (at instanceof dev.retort.store.StoreLocation.Directory d) NetworkFs.refuse("DIR", d.dir(), allowNetworkFs);
        ClassLoader loader = ClassPaths.loader(classpath);
        String workerId = id != null ? id : Hosts.workerId(null);
        Clock clock = Clock.systemUTC();
        try (Experiment exp = Experiment.join(at, clock); TrialStore store = exp.store()) {
            WorkerLoop loop = exp.worker(store, workerId, loader, List.of(), clock);
            Thread hook = new Thread(() -> {
                loop.stop();
                try {
                    loop.awaitFinished(15_000);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            }, "retort-worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (watchParent) watchParent(loop);
            WorkerLoop.Summary s = loop.run();
            // the claims read only the pages of unfinished trials: before saying the experiment is finished,
            // make sure the rest of the store is intact too
            if (s.stop() == StopReason.NO_TRIALS_LEFT) store.checkIntegrity();
            out().printf("worker %s: %d trials (%d done, %d failed, %d lost); %s%n",
                    s.workerId(), s.evaluated(), s.done(), s.failed(), s.lost(), s.exitReason());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            return 0;
        }
    }

    /** Stops the loop when stdin ends: the run that started this worker exited or was killed. */
    private void watchParent(WorkerLoop loop) {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the run never writes; anything read is ignored
                }
            } catch (java.io.IOException e) {
                // a broken pipe means the same: the run is gone
            }
            err().println("retort worker: the run that started this worker is gone (its pipe closed); stopping");
            err().flush();
            loop.stop();
        }, "retort-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}

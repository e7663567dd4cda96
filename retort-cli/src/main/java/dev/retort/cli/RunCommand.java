package dev.retort.cli;

import dev.retort.engine.Hosts;
import dev.retort.manifest.RunManifest;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.run.LocalRun;
import dev.retort.run.RunOutcome;
import dev.retort.run.RunResult;
import dev.retort.store.Counts;
import dev.retort.store.StoreException;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Registers a plan's trials and runs worker processes until the experiment is finished or a limit stops it. */
@Command(name = "run", description = "Run a plan: register its trials, run workers, print the results.")
final class RunCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    Path planFile;

    @Option(names = "--workers", paramLabel = "N", description = "Worker processes (default: the plan's workers, else 1).")
    Integer workers;

    @Option(names = "--dir", paramLabel = "DIR", description = "Experiment directory (default: runs/<experiment>).")
    Path dir;

    @Option(names = "--store", paramLabel = "URL", description = StoreOptions.URL_HELP)
    String store;

    @Option(names = "--experiment", paramLabel = "NAME", description = "With --store: the plan's experiment name (checked against the plan).")
    String experiment;

    @Option(names = "--artifacts", paramLabel = "PATH", description = "With --store: trial directories and logs (default: runs/<experiment>).")
    Path artifacts;

    @Option(names = "--extend", description = "Add the configs of a changed space; keep what is done.")
    boolean extend;

    @Option(names = "--overwrite-trials", description = "Run even though the store is missing or empty while trial directories"
            + " of an earlier run are there; their trials run again and their directories are overwritten.")
    boolean overwriteTrials;

    @Option(names = "--retry-failed", description = "Put FAILED trials back to PENDING before running.")
    boolean retryFailed;

    @Option(names = "--max-trials", paramLabel = "N", description = "Override limits.max_trials.")
    Long maxTrials;

    @Option(names = "--threads", description = "Run workers as threads of this process instead of child processes.")
    boolean threads;

    @Option(names = "--register-only", description = "Register the plan's trials in the store and exit, running none"
            + " (for workers started elsewhere: retort worker, launch slurm|k8s).")
    boolean registerOnly;

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Jars or directories with objective classes, ':'-separated.")
    String classpath;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Rows of the results table (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = NetworkFs.OVERRIDE, description = "Use an experiment directory on a network filesystem (NFS, CIFS, Lustre...)"
            + " although SQLite's locking is unreliable there (docs/hosts.md).")
    boolean allowNetworkFs;

    /** What {@code retort rerun} adds to the manifest's {@code run} section (what it reran, accepted differences). */
    java.util.Map<String, Object> manifestRun = java.util.Map.of();

    @Override
    public Integer call() throws Exception {
        Flags.range("--workers", workers == null ? null : (long) workers, 1, Plan.MAX_WORKERS);
        Flags.range("--max-trials", maxTrials, 0, Long.MAX_VALUE);
        Flags.range("--top", (long) top, 0, Long.MAX_VALUE);
        Flags.directoryOrAbsent("--dir", dir);
        ClassLoader loader = ClassPaths.loader(classpath);
        PlanParser.Read read = new PlanParser(loader).read(planFile);
        read.notices().forEach(n -> err().println("retort: " + n));
        Plan plan = read.plan();
        if (workers != null) plan = plan.withWorkers(workers);
        if (maxTrials != null) plan = plan.withLimits(plan.limits().withMaxTrials(maxTrials));
        if (experiment != null && !experiment.equals(plan.name()))
            throw dev.retort.PlanException.at(null, "--experiment", experiment, "is not the plan's experiment '" + plan.name() + "'",
                    "the plan's name (" + plan.name() + "), or leave --experiment out");
        dev.retort.store.StoreLocation at = StoreOptions.location(dir, store, plan.name(), artifacts, System.getenv(), false);
        if (at == null || at instanceof dev.retort.store.StoreLocation.Directory) // no --store: a directory, by default runs/<experiment>
            at = new dev.retort.store.StoreLocation.Directory(dir != null ? dir : Path.of("runs", plan.name()));
        Path d = at.artifacts();
        if (at instanceof dev.retort.store.StoreLocation.Directory) NetworkFs.refuse("--dir", d, allowNetworkFs);
        Clock clock = Clock.systemUTC();
        Experiment.Options how = new Experiment.Options(extend ? Experiment.Mode.EXTEND : Experiment.Mode.STRICT, overwriteTrials);
        try (Experiment exp = Experiment.open(plan, at, how, clock);
             TrialStore store = exp.store()) {
            exp.notices().forEach(n -> err().println("retort: " + n));
            RunManifest manifest = RunManifests.start(planFile, read, plan, d, loader, classpath, threads, manifestRun, clock);
            if (retryFailed) store.reset(TrialState.FAILED);
            if (registerOnly) {
                if (!exp.awaitRegistered(Long.MAX_VALUE))
                    throw new dev.retort.RetortException("the registration of '" + plan.name() + "' did not complete");
                Counts c = store.counts();
                out().println("registered " + c.total() + " trials of '" + plan.name() + "' in " + at + " (" + c.get(TrialState.PENDING)
                        + " pending, " + c.finished() + " finished); start workers with: retort worker " + String.join(" ", at.workerArgs()));
                return 0;
            }
            StoreException fault = null;
            Counts before = store.counts();
            boolean work = before.get(TrialState.PENDING) > 0 || before.get(TrialState.RUNNING) > 0
                    // a search driven by the store's rows registers nothing up front: ask it (a hint; workers decide again)
                    || RunOutcome.searchGoesOn(plan, store.trials(null));
            RunOutcome outcome;
            try (RunInterrupt interrupt = new RunInterrupt()) {
                try {
                    if (!work) {
                        err().println("nothing to run: all " + before.total() + " trials of '" + plan.name() + "' are finished");
                        outcome = RunOutcome.of(before, null, false, 0, List.of());
                    } else if (threads) {
                        LocalRun run = LocalRun.start(exp, plan.workers(), loader, List.of(), clock);
                        interrupt.onInterrupt(run::stop);
                        RunResult r = run.await();
                        r.workers().forEach(s -> err().println("worker " + s.workerId() + ": " + s.evaluated() + " trials; " + s.exitReason()));
                        outcome = r.outcome();
                    } else {
                        ProcessRun pr = runProcesses(exp, plan, store, before, interrupt);
                        outcome = pr.outcome();
                        fault = pr.fault();
                    }
                    manifest.finish(store).forEach(n -> err().println("retort: " + n));
                    Reports.printResults(out(), exp, store, top, Formats.Format.TABLE, false);
                    Reports.printSummary(err(), exp.location().redacted(), store.counts());
                    err().println("retort: " + outcome.message(plan.limits()));
                    out().flush();
                    err().flush();
                    if (fault != null) throw fault; // why the workers died: the store is gone, damaged or full
                    return outcome.exitCode();
                } finally {
                    interrupt.reported();
                }
            }
        }
    }

    /** What the worker processes did, and the store fault that explains their deaths, if there is one. */
    private record ProcessRun(RunOutcome outcome, StoreException fault) {
    }

    private ProcessRun runProcesses(Experiment exp, Plan plan, TrialStore store, Counts before, RunInterrupt interrupt)
            throws InterruptedException {
        String prefix = Hosts.name() + "-" + ProcessHandle.current().pid();
        int bound = WorkerSupervisor.restartBound(plan.workers(), plan.store().maxAttempts());
        WorkerSupervisor supervisor = new WorkerSupervisor(exp, store, classpath, prefix, bound, err());
        long startedAt = System.nanoTime();
        interrupt.onInterrupt(supervisor::requestStop);
        supervisor.start(plan.workers());
        Progress progress = new Progress(!noProgress && System.console() != null, before, err());
        // a store fault met by the supervisor itself (deleted, damaged, full) ends the run with its message; the
        // workers see it too, and die with this process in any case (they watch its pipe)
        WorkerSupervisor.Report report = supervisor.supervise(progress);
        Counts after = store.counts();
        progress.finish(after);
        String limit = RunOutcome.limitReached(plan.limits(), after, Duration.ofNanos(System.nanoTime() - startedAt), !report.gaveUp());
        StoreException fault = report.deaths().isEmpty() ? null : exp.fault().orElse(null);
        boolean goesOn = limit != null && RunOutcome.searchGoesOn(plan, store.trials(null));
        return new ProcessRun(RunOutcome.of(after, limit, report.interrupted(), report.returned(), report.deaths(), goesOn), fault);
    }
}

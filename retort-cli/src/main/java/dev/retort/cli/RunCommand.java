package dev.retort.cli;

import dev.retort.engine.Hosts;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.run.LocalRun;
import dev.retort.run.RunResult;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Registers a plan's trials and runs worker processes until the experiment is finished or a limit stops it. */
@Command(name = "run", description = "Run a plan: register its trials, run workers, print the results.")
final class RunCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    Path planFile;

    @Option(names = "--workers", paramLabel = "N", description = "Worker processes (default: the plan's workers, else 1).")
    Integer workers;

    @Option(names = "--dir", paramLabel = "DIR", description = "Experiment directory (default: runs/<experiment>).")
    Path dir;

    @Option(names = "--extend", description = "Add the configs of a changed space; keep what is done.")
    boolean extend;

    @Option(names = "--retry-failed", description = "Put FAILED trials back to PENDING before running.")
    boolean retryFailed;

    @Option(names = "--max-trials", paramLabel = "N", description = "Override limits.max_trials.")
    Long maxTrials;

    @Option(names = "--threads", description = "Run workers as threads of this process instead of child processes.")
    boolean threads;

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Jars or directories with objective classes, ':'-separated.")
    String classpath;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Rows of the results table (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (workers != null && workers < 1) throw new dev.retort.PlanException("--workers: " + workers + " is below 1; allowed: an integer >= 1");
        if (maxTrials != null && maxTrials < 0) throw new dev.retort.PlanException("--max-trials: " + maxTrials + " is negative; allowed: an integer >= 0");
        ClassLoader loader = ClassPaths.loader(classpath);
        Plan plan = new PlanParser(loader).parse(planFile);
        if (workers != null) plan = plan.withWorkers(workers);
        if (maxTrials != null) plan = plan.withLimits(plan.limits().withMaxTrials(maxTrials));
        Path d = dir != null ? dir : Path.of("runs", plan.name());
        Clock clock = Clock.systemUTC();
        try (Experiment exp = Experiment.open(plan, d, extend ? Experiment.Mode.EXTEND : Experiment.Mode.STRICT, clock);
             TrialStore store = exp.store()) {
            if (retryFailed) store.reset(TrialState.FAILED);
            Counts before = store.counts();
            boolean work = before.get(TrialState.PENDING) > 0 || before.get(TrialState.RUNNING) > 0;
            if (work) {
                if (threads) {
                    RunResult r = LocalRun.run(exp, plan.workers(), loader, List.of(), clock);
                    r.workers().forEach(s -> err().println("worker " + s.workerId() + ": " + s.evaluated() + " trials; " + s.exitReason()));
                } else {
                    runProcesses(exp, plan, store, before);
                }
            } else {
                err().println("nothing to run: all " + before.total() + " trials of '" + plan.name() + "' are finished");
            }
            Counts after = store.counts();
            Reports.printResults(out(), exp, store, top, Formats.Format.TABLE);
            Reports.printSummary(err(), d, after);
            return after.get(TrialState.FAILED) > 0 ? 1 : 0;
        }
    }

    private void runProcesses(Experiment exp, Plan plan, TrialStore store, Counts before) throws InterruptedException {
        String prefix = Hosts.name() + "-" + ProcessHandle.current().pid();
        List<WorkerProcesses.Child> children = WorkerProcesses.start(exp.dir(), exp.logsDir(), plan.workers(), classpath, prefix);
        Thread stopper = new Thread(() -> {
            for (WorkerProcesses.Child c : children) c.process().destroy(); // SIGTERM: each worker returns its trials
            for (WorkerProcesses.Child c : children) {
                try {
                    c.process().waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    return;
                }
            }
            err().println("\nretort: interrupted; running trials went back to PENDING. Run the same command to resume.");
        }, "retort-run-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        Progress progress = new Progress(!noProgress && System.console() != null, before, err());
        while (children.stream().anyMatch(c -> c.process().isAlive())) {
            children.get(0).process().waitFor(250, TimeUnit.MILLISECONDS);
            progress.update(store.counts());
        }
        progress.finish(store.counts());
        Runtime.getRuntime().removeShutdownHook(stopper);
        for (WorkerProcesses.Child c : children) {
            int code = c.process().exitValue();
            if (code != 0) err().println("retort: worker " + c.id() + " exited with code " + code + "; see " + c.err());
        }
    }
}

package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** FAILED trials, and RUNNING ones whose workers are gone, back to PENDING. */
@Command(name = "reset", description = "Put FAILED and stuck RUNNING trials back to PENDING.")
final class ResetCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The experiment directory.")
    Path dir;

    @Option(names = "--failed", description = "Only FAILED trials.")
    boolean failedOnly;

    @Option(names = "--running", description = "Only RUNNING trials (use when their workers are known to be dead).")
    boolean runningOnly;

    @Override
    public Integer call() {
        try (Experiment exp = ExperimentDir.join(dir); TrialStore store = exp.store()) {
            boolean both = failedOnly == runningOnly;
            int failed = both || failedOnly ? store.reset(TrialState.FAILED) : 0;
            int running = both || runningOnly ? store.reset(TrialState.RUNNING) : 0;
            out().println("reset " + failed + " failed and " + running + " running trials to pending");
            return 0;
        }
    }
}

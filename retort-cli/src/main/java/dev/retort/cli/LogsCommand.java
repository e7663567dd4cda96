package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.RetortException;
import dev.retort.engine.TrialDirs;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A trial's {@code stdout.log} (or {@code stderr.log}), optionally followed while the trial runs. */
@Command(name = "logs", description = "Print a trial's stdout.log, or its stderr.log; --follow keeps printing while it runs.")
final class LogsCommand extends CliCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    TrialArgs target;

    @Option(names = "--stderr", description = "The trial's stderr.log instead of its stdout.log.")
    boolean stderr;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the trial writes until it is no longer RUNNING.")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        long trialId = target.trial();
        String name = stderr ? "stderr.log" : "stdout.log";
        try (Experiment exp = target.join(); TrialStore store = exp.store()) {
            Path trialDir = trialDir(exp.trialsDir(), trialId).orElse(null);
            if (trialDir == null) {
                Optional<TrialRecord> t = store.trials(null).stream().filter(r -> r.id() == trialId).findFirst();
                if (t.isEmpty()) throw new PlanException("TRIAL: trial " + trialId + " is not in " + target.where()
                        + "; allowed: a trial id listed by 'retort trials " + target.where() + "'");
                if (!follow) {
                    err().println("trial " + trialId + " (" + t.get().state().name() + ") has no trial directory yet"
                            + " (class objectives that never ask for one write none; see " + exp.logsDir() + ")");
                    return 0;
                }
            }
            Path file = trialDir == null ? null : trialDir.resolve(name);
            long pos = 0;
            while (true) {
                // found again when missing: a finished attempt's directory is renamed into place
                if (file == null || !Files.exists(file)) file = trialDir(exp.trialsDir(), trialId).map(d -> d.resolve(name)).orElse(file);
                if (file != null) pos = copyFrom(file, pos);
                if (!follow || !running(store, trialId)) break;
                Thread.sleep(250); // a file that grows has no event to await portably; polling is the tail -f way
            }
            if (file != null && !Files.exists(file)) file = trialDir(exp.trialsDir(), trialId).map(d -> d.resolve(name)).orElse(file);
            if (file != null) pos = copyFrom(file, pos); // what was written between the last read and the end
            if (file == null || (pos == 0 && !Files.exists(file)))
                err().println("trial " + trialId + " has no " + name + (trialDir == null ? "" : " in " + trialDir));
            return 0;
        }
    }

    private static boolean running(TrialStore store, long id) {
        return store.trials(TrialState.RUNNING).stream().anyMatch(t -> t.id() == id);
    }

    /** The trial's directory, or its newest attempt's while it runs ({@link TrialDirs#find}), if one was made. */
    static Optional<Path> trialDir(Path trialsDir, long id) throws IOException {
        return TrialDirs.find(trialsDir, id);
    }

    /** Prints the file from byte {@code pos} on; returns the new position. */
    private long copyFrom(Path file, long pos) {
        if (!Files.exists(file)) return pos;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(pos, Files.size(file)));
            byte[] bytes = in.readAllBytes();
            out().print(new String(bytes, StandardCharsets.UTF_8));
            out().flush();
            return pos + bytes.length;
        } catch (IOException e) {
            throw new RetortException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

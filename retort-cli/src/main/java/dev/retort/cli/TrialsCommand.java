package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** One line per trial: id, state, attempt, config and, for a FAILED trial, the first line of its error. */
@Command(name = "trials", description = "List the trials, one line each, with the error of a FAILED one.")
final class TrialsCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only trials in this state: pending, running, done, failed or skipped (default: all).")
    String state;

    @Override
    public Integer call() {
        TrialState only = state == null ? null : parseState(state);
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            List<TrialRecord> rows = store.trials(only);
            for (TrialRecord t : rows) out().println(line(t));
            if (rows.isEmpty()) err().println("no " + (only == null ? "" : only.name().toLowerCase(Locale.ROOT) + " ") + "trials in " + exp.location().redacted());
            return 0;
        }
    }

    static String line(TrialRecord t) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6d  %-7s  attempt %d  %s",
                t.id(), t.state().name(), t.attempt(), t.config().toJson()));
        if (t.error() != null && !t.error().isEmpty()) sb.append("  error: ").append(Reports.firstLine(t.error()));
        return sb.toString();
    }

    static TrialState parseState(String s) {
        try {
            return TrialState.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlanException("--state: '" + s + "' is not a trial state; allowed: "
                    + Arrays.stream(TrialState.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}

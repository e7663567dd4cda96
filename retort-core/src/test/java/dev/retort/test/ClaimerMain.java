package dev.retort.test;

import dev.retort.store.ClaimedTrial;
import dev.retort.store.ExperimentRow;
import dev.retort.store.Outcome;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A child process for multi-process store tests: {@code ClaimerMain <dbfile> <experiment> <outfile>} claims
 * up to 16 trials at a time, completes each as DONE and appends its id to {@code outfile} after the complete
 * succeeded, until a claim returns nothing.
 */
public final class ClaimerMain {
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String experiment = args[1];
        Path out = Path.of(args[2]);
        String worker = "claimer-" + ProcessHandle.current().pid();
        try (Database d = Database.sqlite(db, Clock.systemUTC());
             BufferedWriter w = Files.newBufferedWriter(out)) {
            ExperimentRow row = d.find(experiment).orElseThrow();
            try (TrialStore store = d.open(row, StoreSettings.DEFAULTS)) {
                while (true) {
                    List<ClaimedTrial> got = store.claim(worker, 16, null, true);
                    if (got.isEmpty()) break;
                    for (ClaimedTrial t : got) {
                        store.complete(t, Outcome.done("{\"by\":\"" + worker + "\"}", (double) t.id(), null));
                        w.write(Long.toString(t.id()));
                        w.newLine();
                    }
                }
            }
        }
    }
}

package dev.retort.test;

import dev.retort.Objective;
import dev.retort.Trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every trial waits until the file its config names in {@code gate} exists (at most 120 s), then returns
 * {@code value = i}: a test lets worker processes each take a trial before any of them finishes one, so that
 * the work is shared however late the JVMs start. A file has no cross-process event to await portably; this
 * polls, bounded.
 */
public final class FileGateObjective implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) throws Exception {
        Path gate = Path.of(trial.config().getString("gate"));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(gate)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the gate " + gate + " never opened");
            Thread.sleep(10);
        }
        return Map.of("value", (double) trial.config().getLong("i"));
    }
}

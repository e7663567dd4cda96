package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every trial uses its directory. Trial {@code a = 300} takes the whole experiment directory away (renames it
 * to {@code <dir>-gone}: as {@code rm -rf} would for the worker, but in microseconds) and returns within 2 ms,
 * so its worker takes the next trial from its claimed batch without a store write in between; it waits
 * 1.3 ms first, past the store check's once-per-millisecond rate limit.
 */
public final class DirectoryDeletingObjective implements Objective {
    @Override
    public Map<String, Object> evaluate(Trial trial) {
        long t0 = System.nanoTime();
        Path dir = trial.dir();
        long a = trial.config().getLong("a");
        if (a == 300) {
            Path experiment = dir.getParent().getParent();
            try {
                Files.move(experiment, experiment.resolveSibling(experiment.getFileName() + "-gone"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (System.nanoTime() - t0 < 1_300_000L) Thread.onSpinWait();
        }
        return Map.of("value", a);
    }
}

package dev.retort.cli;

import dev.retort.Objective;
import dev.retort.Trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Blocks for a minute (until interrupted): a trial in progress for a test to kill or stop. Its class refuses
 * to initialise in a JVM where the file named by system property {@code retort.test.broken} exists, which
 * makes every new worker die at start.
 */
public final class BlockingObjective implements Objective {
    static {
        String marker = System.getProperty("retort.test.broken");
        if (marker != null && Files.exists(Path.of(marker)))
            throw new IllegalStateException("broken on purpose: " + marker + " exists");
    }

    @Override
    public Map<String, Object> evaluate(Trial trial) throws InterruptedException {
        Thread.sleep(60_000);
        return Map.of("value", 1.0);
    }
}

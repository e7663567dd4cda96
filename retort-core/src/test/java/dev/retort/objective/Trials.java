package dev.retort.objective;

import dev.retort.Trial;
import dev.retort.space.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Test helpers: trials in fresh directories, and waiting for a file a child process writes. */
final class Trials {
    private Trials() {
    }

    static Trial in(Path root, Config config) throws IOException {
        Path dir = Files.createDirectories(root.resolve("trial-" + System.nanoTime()));
        return new Trial(7, config, dir, 1);
    }

    static Trial in(Path root) throws IOException {
        return in(root, Config.empty());
    }

    /**
     * Polls until {@code file} holds a complete line (a child process reports through it; there is no event
     * to wait on). Fails after {@code deadline}.
     */
    static String awaitLine(Path file, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(file)) {
                String s = Files.readString(file);
                if (s.endsWith("\n")) return s.strip();
            }
            LockSupport.parkNanos(2_000_000); // poll interval, not synchronisation: the deadline bounds the wait
        }
        throw new AssertionError("no line in " + file + " within " + deadline);
    }

    /**
     * Whether {@code pid} still runs. A killed orphan may linger as a zombie until PID 1 reaps it (seconds in
     * some containers); {@link ProcessHandle#isAlive()} reports zombies alive, so they are checked apart.
     */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(h -> !ProcessTrees.exited(h)).orElse(false);
    }
}

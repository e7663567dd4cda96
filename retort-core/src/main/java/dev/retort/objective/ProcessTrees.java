package dev.retort.objective;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Kills a process together with every process it started, including background grandchildren. */
final class ProcessTrees {
    /** How long to keep killing before giving up on processes that refuse to die (e.g. stuck in the kernel). */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final boolean HAS_PROC = Files.isDirectory(Path.of("/proc/self"));

    private ProcessTrees() {
    }

    /**
     * Kills {@code root} and its descendants and returns once none of them is running (see
     * {@link #exited}), or after 10 s.
     * Returns the number of processes still running then (0 normally).
     *
     * <p>Descendants are snapshotted before anything is killed, because a killed parent's children are
     * re-parented and vanish from {@code root.descendants()}. Processes already seen are re-examined each
     * round, so children forked between a snapshot and the kill are found in the next round.
     * Does not respond to interruption: a half-killed tree would leak processes.
     */
    static int destroyTree(ProcessHandle root) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
        seen.put(root.pid(), root);
        while (true) {
            List<ProcessHandle> alive = new ArrayList<>();
            for (ProcessHandle h : List.copyOf(seen.values())) {
                if (exited(h)) continue;
                alive.add(h);
                h.descendants().forEach(d -> {
                    if (seen.putIfAbsent(d.pid(), d) == null) alive.add(d);
                });
            }
            if (alive.isEmpty()) return 0;
            // The root goes first so it cannot fork more; the snapshot already holds its current descendants.
            alive.forEach(ProcessHandle::destroyForcibly);
            if (!awaitDeath(alive, deadline)) {
                return (int) alive.stream().filter(h -> !exited(h)).count();
            }
        }
    }

    /**
     * Whether {@code h} has stopped running. A zombie (exited, not yet reaped) counts as stopped although
     * {@link ProcessHandle#isAlive()} says it lives: an orphan is reaped by PID 1, which in containers may
     * do so seconds later or never (when PID 1 is no init), and waiting for that would stall every kill.
     */
    static boolean exited(ProcessHandle h) {
        if (!h.isAlive()) return true;
        if (!HAS_PROC) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            int end = stat.lastIndexOf(')'); // the command name in parentheses may itself hold ')' or spaces
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitDeath(List<ProcessHandle> handles, long deadline) {
        for (ProcessHandle h : handles) {
            // There is no exit event for a process that is not our child, so poll; SIGKILL is quick.
            while (!exited(h)) {
                if (System.nanoTime() - deadline > 0) return false;
                LockSupport.parkNanos(200_000);
            }
        }
        return true;
    }
}

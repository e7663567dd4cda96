package dev.retort.engine;

import dev.retort.store.WorkerRecord;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a worker's process still runs, for workers on this host. A pid alone is not enough: the
 * operating system reuses pids, so a live process that started after the worker registered is another one.
 */
public final class WorkerLiveness {
    /** Process start times are known to clock-tick precision; registration follows start by far more. */
    private static final long START_SLACK_MILLIS = 1_000;

    /** What can be said about a worker from this host. */
    public enum State { ALIVE, DEAD, UNKNOWN }

    /** The verdict and, when DEAD or UNKNOWN, why. */
    public record Verdict(State state, String why) {
    }

    private WorkerLiveness() {
    }

    public static Verdict of(WorkerRecord w) {
        if (w.stoppedAt() != null) return new Verdict(State.DEAD, "worker stopped");
        if (!w.host().equals(Hosts.name())) return new Verdict(State.UNKNOWN, "worker on host " + w.host());
        Optional<ProcessHandle> p = ProcessHandle.of(w.pid()).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) return new Verdict(State.DEAD, "pid " + w.pid() + " is gone");
        Optional<Instant> start = p.get().info().startInstant();
        if (start.isPresent() && start.get().toEpochMilli() > w.startedAt() + START_SLACK_MILLIS)
            return new Verdict(State.DEAD, "pid " + w.pid() + " is now another process, started " + start.get());
        return new Verdict(State.ALIVE, null);
    }
}

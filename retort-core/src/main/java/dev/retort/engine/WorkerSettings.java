package dev.retort.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one worker runs.
 *
 * @param workerId  unique among the experiment's live workers, e.g. {@code host-pid}
 * @param trialsDir parent of the trials' artifact directories
 * @param maxBatch  most trials claimed at once; the batch doubles from 1 while trials take under 2 ms ({@code WorkerLoop.GROUP_BELOW_NANOS})
 * @param idlePoll  how long a worker with nothing to claim waits before it looks again, while other
 *                  workers still hold trials that may come back
 */
public record WorkerSettings(String workerId, Path trialsDir, int maxBatch, Duration idlePoll) {
    public static WorkerSettings of(String workerId, Path trialsDir) {
        return new WorkerSettings(workerId, trialsDir, 64, Duration.ofMillis(500));
    }
}

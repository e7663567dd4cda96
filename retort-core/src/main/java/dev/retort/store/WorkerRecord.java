package dev.retort.store;

/**
 * One worker as it registered itself in the store. Times are epoch milliseconds from the worker's clock.
 *
 * @param pid       the worker's operating-system process id on {@code host}
 * @param startedAt when the worker registered (after its process started)
 * @param stoppedAt when it stopped cleanly, or null while it runs or after it died
 */
public record WorkerRecord(String id, String host, long pid, long startedAt, long heartbeatAt, Long stoppedAt) {
}

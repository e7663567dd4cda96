package dev.retort.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during {@code retort run}: a shutdown hook asks the run to stop, then holds the JVM open
 * until the run has returned its trials and said so (bounded), so the user sees why it stopped. The JVM then
 * exits with 128 + the signal: 130 for Ctrl-C, 143 for SIGTERM.
 */
final class RunInterrupt implements AutoCloseable {
    private static final long REPORT_WAIT_SECONDS = 60;

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;
    private Runnable stop = () -> { };

    RunInterrupt() {
        this.hook = new Thread(() -> {
            synchronized (this) {
                requested = true;
                stop.run();
            }
            try {
                reported.await(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "retort-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What stops the run; runs at once if the interrupt came first. */
    synchronized void onInterrupt(Runnable action) {
        stop = action;
        if (requested) action.run();
    }

    boolean requested() {
        return requested;
    }

    /** The run has printed its outcome; an interrupted JVM may exit now. */
    void reported() {
        reported.countDown();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs and waits for reported()
        }
    }
}

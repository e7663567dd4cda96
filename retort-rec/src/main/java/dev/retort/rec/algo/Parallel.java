package dev.retort.rec.algo;

import dev.retort.BugException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code [0, n)} in fixed chunks on up to {@code threads} threads. Each chunk must write only its own
 * outputs, so results never depend on which thread ran which chunk or when: parallel runs are bit-identical
 * to serial ones.
 */
final class Parallel {
    /** The work for one chunk {@code [from, to)}; may allocate its own scratch buffers. */
    @FunctionalInterface
    interface Chunk {
        void run(int from, int to);
    }

    private Parallel() {
    }

    static void forChunks(int n, int chunkSize, int threads, Chunk task) {
        int chunks = (n + chunkSize - 1) / chunkSize;
        int workers = Math.min(Math.max(1, threads), chunks);
        if (workers <= 1) {
            for (int c = 0; c < chunks; c++) task.run(c * chunkSize, Math.min(n, (c + 1) * chunkSize));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int c;
            while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
                try {
                    task.run(c * chunkSize, Math.min(n, (c + 1) * chunkSize));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Thread[] pool = new Thread[workers - 1];
        for (int w = 0; w < pool.length; w++) {
            pool[w] = new Thread(worker, "retort-rec-" + w);
            pool[w].setDaemon(true);
            pool[w].start();
        }
        worker.run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BugException("interrupted while waiting for parallel work", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new BugException("parallel chunk failed", t);
    }

    /** The default thread count: the machine's available processors. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}

package dev.retort.test;

import java.util.function.Supplier;

/** Polls a condition other processes change (a store, a process table): there is no event to wait on. */
public final class Await {
    private Await() {
    }

    /** The first non-null value of {@code probe} within {@code millis}; fails with {@code what} otherwise. */
    public static <T> T until(String what, long millis, Supplier<T> probe) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            T v = probe.get();
            if (v != null) return v;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
            try {
                Thread.sleep(20); // the poll interval, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}

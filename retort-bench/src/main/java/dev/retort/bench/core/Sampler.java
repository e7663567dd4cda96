package dev.retort.bench.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A poor man's profiler for one thread: samples its stack every few milliseconds and tallies the top frame
 * and the innermost {@code dev.retort} frame, so a missed target can say what dominates without an external
 * profiler. Safepoint-biased like any {@link Thread#getStackTrace} sampler; good enough to rank phases.
 */
final class Sampler implements AutoCloseable {
    private final Thread target;
    private final Thread sampler;
    private final Map<String, Integer> top = new HashMap<>();
    private final Map<String, Integer> retort = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    Sampler(Thread target, long periodMillis) {
        this.target = target;
        this.sampler = new Thread(() -> {
            while (running) {
                StackTraceElement[] st = target.getStackTrace();
                if (st.length > 0) {
                    synchronized (this) {
                        samples++;
                        top.merge(frame(st[0]), 1, Integer::sum);
                        for (StackTraceElement e : st) {
                            if (e.getClassName().startsWith("dev.retort") && !e.getClassName().startsWith("dev.retort.bench")) {
                                retort.merge(frame(e), 1, Integer::sum);
                                break;
                            }
                        }
                    }
                }
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static String frame(StackTraceElement e) {
        return e.getClassName() + "." + e.getMethodName();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    synchronized void print(String title, int rows) {
        System.out.printf(Locale.ROOT, "%s: %d stack samples of thread %s%n", title, samples, target.getName());
        print("  top frame", top, rows);
        print("  innermost dev.retort frame", retort, rows);
    }

    private void print(String title, Map<String, Integer> m, int rows) {
        System.out.println(title + ":");
        m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows).forEach(e ->
                System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}

package dev.retort.cli;

import dev.retort.objective.Durations;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run progress on stderr: one line redrawn in place on a terminal (4 times a second), a new line every 10 s
 * otherwise (logs, CI). Fields are separated by {@code " | "}: finished/total with percent and a bar, the rate of
 * this run (per second, or per minute below 1/s), the estimated time left, then running and failed counts.
 */
final class Progress {
    private static final int BAR = 20;

    private final boolean terminal;
    private final long startFinished;
    private final long startNanos = System.nanoTime();
    private final PrintWriter err;
    private long lastLine = startNanos;
    private int lastWidth;

    Progress(boolean terminal, Counts start, PrintWriter err) {
        this.terminal = terminal;
        this.err = err;
        this.startFinished = finished(start);
    }

    void update(Counts c) {
        long now = System.nanoTime();
        if (terminal) {
            draw(c, now);
        } else if (now - lastLine > 10_000_000_000L) {
            lastLine = now;
            err.println(line(c, startFinished, Duration.ofNanos(now - startNanos), false));
        }
    }

    void finish(Counts c) {
        if (terminal) {
            draw(c, System.nanoTime());
            err.println();
        }
    }

    private void draw(Counts c, long now) {
        String l = line(c, startFinished, Duration.ofNanos(now - startNanos), true);
        err.print("\r" + l + " ".repeat(Math.max(0, lastWidth - l.length())));
        err.flush();
        lastWidth = l.length();
    }

    private static long finished(Counts c) {
        return c.finished() + c.get(TrialState.SKIPPED);
    }

    /** The progress line for counts {@code c}, {@code elapsed} into a run that started with {@code startFinished}. */
    static String line(Counts c, long startFinished, Duration elapsed, boolean bar) {
        long done = finished(c), total = c.total(), thisRun = done - startFinished;
        List<String> f = new ArrayList<>();
        int pct = total == 0 ? 100 : (int) (100 * done / total);
        String head = done + "/" + total + " trials (" + pct + "%)";
        if (bar) {
            int full = total == 0 ? BAR : (int) (BAR * done / total);
            head += " [" + "#".repeat(full) + ".".repeat(BAR - full) + "]";
        }
        f.add(head);
        double seconds = elapsed.toNanos() / 1e9;
        double perSecond = seconds <= 0 ? 0 : thisRun / seconds;
        f.add(rate(perSecond));
        if (perSecond > 0 && done < total) f.add("ETA " + Durations.human(Duration.ofSeconds((long) Math.ceil((total - done) / perSecond))));
        f.add(c.get(TrialState.RUNNING) + " running");
        if (c.get(TrialState.FAILED) > 0) f.add(c.get(TrialState.FAILED) + " failed");
        return String.join(" | ", f);
    }

    /** Trials per second, or per minute when below one a second (so a slow run never reads "0.0/s"). */
    static String rate(double perSecond) {
        if (perSecond >= 1) return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.1f/s", perSecond);
        return String.format(Locale.ROOT, perSecond * 60 >= 10 ? "%.0f/min" : "%.1f/min", perSecond * 60);
    }
}

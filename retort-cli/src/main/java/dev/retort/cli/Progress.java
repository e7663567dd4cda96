package dev.retort.cli;

import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with ETA on a terminal; a line every 10 s otherwise (logs, CI). */
final class Progress {
    private final ProgressBar bar;
    private final long startFinished;
    private long lastLine = System.nanoTime();

    private final java.io.PrintWriter err;

    Progress(boolean terminal, Counts start, java.io.PrintWriter err) {
        this.err = err;
        this.startFinished = start.finished() + start.get(TrialState.SKIPPED);
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("trials").setInitialMax(start.total())
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                .showSpeed().continuousUpdate().build() : null;
        if (bar != null) bar.stepTo(startFinished);
    }

    void update(Counts c) {
        long finished = c.finished() + c.get(TrialState.SKIPPED);
        if (bar != null) {
            bar.maxHint(c.total());
            bar.stepTo(finished);
            bar.setExtraMessage(c.get(TrialState.RUNNING) + " running" + (c.get(TrialState.FAILED) > 0 ? ", " + c.get(TrialState.FAILED) + " failed" : ""));
        } else if (System.nanoTime() - lastLine > 10_000_000_000L) {
            lastLine = System.nanoTime();
            err.printf("%d/%d trials finished (%d this run), %d running, %d failed%n", finished, c.total(),
                    finished - startFinished, c.get(TrialState.RUNNING), c.get(TrialState.FAILED));
        }
    }

    void finish(Counts c) {
        if (bar != null) {
            update(c);
            bar.close();
        }
    }
}

package dev.retort.cli;

import dev.retort.engine.Metric;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;
import dev.retort.report.ResultTable;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tables and summaries the commands print. */
final class Reports {
    private Reports() {
    }

    /** The best {@code top} DONE trials (all when top <= 0), sorted by the metric. */
    static void printResults(PrintWriter out, Experiment exp, TrialStore store, int top, ResultTable.Format format) {
        Metric m = exp.plan().metric();
        String custom = extensionReport(exp, store, format);
        if (custom != null) {
            out.print(custom);
            return;
        }
        List<TrialRecord> rows = store.best(m.goal().maximize(), top <= 0 ? Integer.MAX_VALUE : top);
        out.print(ResultTable.of(rows, m).render(format));
        if (format == ResultTable.Format.TABLE) {
            long done = store.counts().get(TrialState.DONE);
            if (top > 0 && done > rows.size())
                out.println("(best " + rows.size() + " of " + done + " DONE trials by " + m.name() + ", "
                        + m.goal().name().toLowerCase() + "d; --top 0 for all)");
            List<TrialRecord> failed = store.trials(TrialState.FAILED);
            for (TrialRecord f : failed.subList(0, Math.min(3, failed.size())))
                out.println("FAILED trial " + f.id() + " " + f.config() + ": " + firstLine(f.error()));
            if (failed.size() > 3) out.println("... and " + (failed.size() - 3) + " more FAILED trials (retort status)");
        }
    }

    private static String extensionReport(Experiment exp, TrialStore store, ResultTable.Format format) {
        var spec = exp.plan().objective();
        for (PlanExtension e : PlanParser.extensions(Thread.currentThread().getContextClassLoader()))
            if (e.kind().equals(spec.kind())) return e.report(store.trials(TrialState.DONE), spec.identity(), spec.runtime(), format);
        return null;
    }

    static void printSummary(PrintWriter err, Path dir, Counts c) {
        List<String> parts = new ArrayList<>();
        for (TrialState s : TrialState.values()) if (c.get(s) > 0) parts.add(c.get(s) + " " + s.name().toLowerCase());
        err.println(dir + ": " + (parts.isEmpty() ? "no trials" : String.join(", ", parts))
                + (c.cost() > 0 ? String.format(java.util.Locale.ROOT, "; cost %.4g", c.cost()) : ""));
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl) + " ...";
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}

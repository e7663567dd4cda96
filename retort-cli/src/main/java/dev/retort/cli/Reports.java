package dev.retort.cli;

import dev.retort.engine.Metric;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;
import dev.retort.report.ExportedTrial;
import dev.retort.report.Json;
import dev.retort.report.LatexTable;
import dev.retort.report.ResultTable;
import dev.retort.report.TrialExports;
import dev.retort.report.TrialTables;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables and summaries the commands print. */
final class Reports {
    private Reports() {
    }

    /**
     * The best {@code top} DONE trials (all when top <= 0), sorted by the metric: a table (text, CSV, Markdown)
     * or, as JSON, an array of {@link ExportedTrial} records. Extensions (the recommender plan) may render their own;
     * {@code perFold} asks them for one row per fold instead of one per config.
     */
    static void printResults(Writer out, Experiment exp, TrialStore store, int top, Formats.Format format, boolean perFold)
            throws IOException {
        printResults(out, exp, store, top, format, perFold, 4);
    }

    /** As above; {@code precision}: digits after the point in LaTeX (and recommender mean ± std cells). */
    static void printResults(Writer out, Experiment exp, TrialStore store, int top, Formats.Format format, boolean perFold,
                             int precision) throws IOException {
        Metric m = exp.plan().metric();
        String custom = extensionReport(exp, store, new PlanExtension.ReportOptions(format.table(), m, perFold, precision));
        if (custom != null) {
            out.write(custom);
            return;
        }
        List<TrialRecord> best = store.best(m.goal().maximize(), top <= 0 ? Integer.MAX_VALUE : top);
        List<ExportedTrial> rows = TrialExports.of(exp, store, best);
        if (format == Formats.Format.JSON) {
            out.write(Json.pretty(rows.stream().map(ExportedTrial::toJson).toList()));
            return;
        }
        ResultTable table = TrialTables.results(rows, m);
        if (format == Formats.Format.LATEX) {
            String caption = "retort results " + exp.plan().name() + ": DONE trials by " + m.name() + ", "
                    + m.goal().name().toLowerCase(java.util.Locale.ROOT) + "d; best bold, second underlined";
            LatexTable.write(table, new LatexTable.Options(precision, Map.of(table.metricColumn(), m.goal()), caption), out);
            return;
        }
        table.write(format.table(), out);
        if (format == Formats.Format.TABLE) {
            long done = store.counts().get(TrialState.DONE);
            if (top > 0 && done > rows.size())
                out.write("(best " + rows.size() + " of " + done + " DONE trials by " + m.name() + ", "
                        + m.goal().name().toLowerCase(java.util.Locale.ROOT) + "d; --top 0 for all)\n");
            List<TrialRecord> failed = store.trials(TrialState.FAILED);
            for (TrialRecord f : failed.subList(0, Math.min(3, failed.size())))
                out.write("FAILED trial " + f.id() + " " + f.config() + ": " + firstLine(f.error()) + "\n");
            if (failed.size() > 3) out.write("... and " + (failed.size() - 3) + " more FAILED trials (retort status)\n");
        }
    }

    /** Every trial (any state), by id: a table, or as JSON an array of {@link ExportedTrial} records. */
    static void export(Writer out, Experiment exp, TrialStore store, Formats.Format format) throws IOException {
        List<ExportedTrial> all = TrialExports.of(exp, store, store.trials(null));
        if (format == Formats.Format.JSON) out.write(Json.pretty(all.stream().map(ExportedTrial::toJson).toList()));
        else TrialTables.export(all, exp.plan().metric()).write(format.table(), out);
    }

    /**
     * The results as one table for the HTML report: the generic table with typed values of {@code bestFirst} (the
     * DONE trials as {@link TrialStore#best} orders them), or, for a plan extension
     * with its own report, its CSV document read back (text cells; numbers are recognised by the report).
     */
    static ResultTable resultsTable(Experiment exp, TrialStore store, List<TrialRecord> bestFirst) throws IOException {
        Metric m = exp.plan().metric();
        // an extension gets every DONE trial, as retort results gives it (bestFirst leaves out those without a metric)
        String custom = extensionReport(exp, store, new PlanExtension.ReportOptions(ResultTable.Format.CSV, m, false));
        if (custom == null) return TrialTables.results(TrialExports.of(exp, store, bestFirst), m);
        List<List<Object>> rows = new ArrayList<>();
        List<String> head = null;
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> r =
                     de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(custom)) {
            for (de.siegmar.fastcsv.reader.CsvRecord rec : r) {
                if (head == null) head = rec.getFields();
                else rows.add(new ArrayList<>(rec.getFields()));
            }
        }
        return new ResultTable(head == null ? List.of() : head, rows, null);
    }

    private static String extensionReport(Experiment exp, TrialStore store, PlanExtension.ReportOptions options) {
        var spec = exp.plan().objective();
        for (PlanExtension e : PlanParser.extensions(Thread.currentThread().getContextClassLoader()))
            if (e.kind().equals(spec.kind())) return e.report(store.trials(TrialState.DONE), spec.identity(), spec.runtime(), options);
        return null;
    }


    static void printSummary(PrintWriter err, String where, Counts c) {
        List<String> parts = new ArrayList<>();
        for (TrialState s : TrialState.values()) if (c.get(s) > 0) parts.add(c.get(s) + " " + s.name().toLowerCase());
        err.println(where + ": " + (parts.isEmpty() ? "no trials" : String.join(", ", parts))
                + (c.cost() > 0 ? String.format(java.util.Locale.ROOT, "; cost %.4g", c.cost()) : ""));
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl) + " ...";
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}

package dev.retort.report;

import dev.retort.engine.Metric;
import dev.retort.engine.Results;
import dev.retort.store.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results of an experiment as rows: trial id, parameters, the ranking metric first, then the other
 * numeric result entries, cost and run time. Rendered as an aligned text table, CSV, JSON or Markdown.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows, String metricColumn) {

    public static ResultTable of(List<TrialRecord> trials, Metric metric) {
        Set<String> params = new TreeSet<>();
        Set<String> extras = new TreeSet<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (TrialRecord t : trials) {
            t.config().names().forEach(params::add);
            Map<String, Object> r = t.resultJson() == null ? Map.of() : Results.fromJson(t.resultJson());
            results.add(r);
            r.forEach((k, v) -> {
                if (v instanceof Number && !k.equals(metric.name()) && !k.equals("cost")) extras.add(k);
            });
        }
        List<String> cols = new ArrayList<>();
        cols.add("trial");
        cols.addAll(params);
        cols.add(metric.name());
        cols.addAll(extras);
        boolean anyCost = trials.stream().anyMatch(t -> t.cost() != null);
        if (anyCost) cols.add("cost");
        cols.add("seconds");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            List<Object> row = new ArrayList<>();
            row.add(t.id());
            for (String p : params) row.add(t.config().get(p));
            row.add(t.metric());
            for (String e : extras) row.add(results.get(i).get(e));
            if (anyCost) row.add(t.cost());
            row.add(t.durationMillis() == null ? null : t.durationMillis() / 1000.0);
            rows.add(row);
        }
        return new ResultTable(cols, rows, metric.name());
    }

    /** This table with a {@code state} column after the trial id ({@code trials} in row order), for exports. */
    public ResultTable withState(List<TrialRecord> trials) {
        List<String> cols = new ArrayList<>(columns);
        cols.add(1, "state");
        cols.add("error");
        List<List<Object>> rs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = new ArrayList<>(rows.get(i));
            r.add(1, trials.get(i).state().name());
            r.add(trials.get(i).error());
            rs.add(r);
        }
        return new ResultTable(cols, rs, metricColumn);
    }

    public String render(Format f) {
        return switch (f) {
            case TABLE -> text();
            case CSV -> csv();
            case JSON -> json();
            case MARKDOWN -> markdown();
        };
    }

    /** Output formats of {@code retort results} and {@code export}. */
    public enum Format { TABLE, CSV, JSON, MARKDOWN }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (d == Math.rint(d) && a < 1e15) return String.format(Locale.ROOT, "%.1f", d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.4e", d);
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }

    private String text() {
        int[] w = widths();
        boolean[] numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) numeric[i] = isNumeric(columns.get(i));
        StringBuilder sb = new StringBuilder();
        line(sb, columns.stream().map(Object.class::cast).toList(), w, numeric);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        sb.append(rule).append('\n');
        for (List<Object> r : rows) line(sb, r, w, numeric);
        return sb.toString();
    }

    private String markdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
        for (String c : columns) sb.append(isNumeric(c) ? " ---: |" : " --- |");
        sb.append('\n');
        for (List<Object> r : rows) {
            sb.append("| ");
            for (int i = 0; i < r.size(); i++) sb.append(i == 0 ? "" : " | ").append(cell(r.get(i)).replace("|", "\\|"));
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", columns.stream().map(ResultTable::csvCell).toList())).append('\n');
        for (List<Object> r : rows) {
            for (int i = 0; i < r.size(); i++) sb.append(i == 0 ? "" : ",").append(csvCell(r.get(i) == null ? "" : String.valueOf(r.get(i))));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private String json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) m.put(columns.get(i), r.get(i));
            out.add(m);
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new dev.retort.BugException("cannot write results as JSON", e);
        }
    }

    private boolean isNumeric(String column) {
        int i = columns.indexOf(column);
        for (List<Object> r : rows) if (r.get(i) != null) return r.get(i) instanceof Number;
        return false;
    }

    private int[] widths() {
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) w[i] = columns.get(i).length();
        for (List<Object> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], cell(r.get(i)).length());
        return w;
    }

    private static void line(StringBuilder sb, List<Object> cells, int[] w, boolean[] numeric) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cell(cells.get(i));
            if (i > 0) sb.append("  ");
            sb.append(numeric[i] ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length()));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        sb.append('\n');
    }
}

package dev.retort.report;

import dev.retort.BugException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat table (named columns, rows of values) rendered as an aligned text table, CSV (FastCSV), JSON (an
 * array of objects, one per row) or Markdown. Column names are unique, so no format can let one value hide
 * another; {@link TrialTables} builds the tables of trials, extensions build their own.
 *
 * @param metricColumn the column the rows are ranked by, or null
 */
public record ResultTable(List<String> columns, List<List<Object>> rows, String metricColumn) {

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (new HashSet<>(columns).size() != columns.size()) throw new BugException("duplicate column names in a table: " + columns);
        for (List<Object> r : rows)
            if (r.size() != columns.size()) throw new BugException("a row has " + r.size() + " cells for " + columns.size() + " columns " + columns);
    }

    /** Output formats of {@code retort results} and {@code export}. */
    public enum Format { TABLE, CSV, JSON, MARKDOWN, LATEX }

    public String render(Format f) {
        StringWriter w = new StringWriter();
        write(f, w);
        return w.toString();
    }

    /** Writes the table in format {@code f}; '\n' line ends everywhere (CSV too). LaTeX: {@link LatexTable.Options#DEFAULT}. */
    public void write(Format f, Writer out) {
        try {
            switch (f) {
                case TABLE -> TextTable.write(this, out);
                case CSV -> CsvTable.write(columns, rows, out);
                case JSON -> out.write(Json.pretty(jsonRows()));
                case MARKDOWN -> MarkdownTable.write(this, out);
                case LATEX -> LatexTable.write(this, LatexTable.Options.DEFAULT, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One object per row, keys in column order: what the JSON format writes. */
    public List<Map<String, Object>> jsonRows() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) m.put(columns.get(i), r.get(i));
            out.add(m);
        }
        return out;
    }

    /** True when the column's first non-null value is a number (right-aligned in text and Markdown). */
    boolean isNumeric(int column) {
        for (List<Object> r : rows) if (r.get(column) != null) return numeric(r.get(column));
        return false;
    }

    static boolean numeric(Object v) {
        return v instanceof Number || v instanceof MeanStd || v instanceof Marked m && numeric(m.value());
    }
}

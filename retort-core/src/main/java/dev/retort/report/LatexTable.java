package dev.retort.report;

import dev.retort.engine.Goal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A booktabs {@code tabular} for a paper (needs the booktabs package): {@code \toprule}, header,
 * {@code \midrule}, rows, {@code \bottomrule}. Numeric columns are right-aligned, others left. Doubles and
 * {@link MeanStd} cells have {@link Options#precision} digits after the point ({@code 0.1234 $\pm$ 0.0056});
 * integers stay integers. In each ranked column the best value is bold and the second best underlined,
 * compared as printed (two values that print the same tie), and only when the column has at least two
 * different values. Names and text are escaped ({@code & % $ # _ { } ~ ^ \ < > |}; {@code † ‡} become {@code \dag \ddag}); a line
 * break becomes a space. A positive number too small for the precision reads {@code $<$0.0001}, not zero. The output is the same under every default locale.
 */
public final class LatexTable {
    /**
     * @param precision digits after the decimal point, 0 to 12
     * @param ranked    column name to its goal: the columns whose best and second-best values are marked
     * @param caption   a comment line above the table (a {@code %} line; line breaks become spaces), or null
     */
    public record Options(int precision, Map<String, Goal> ranked, String caption) {
        /** Four decimals, nothing ranked, no caption. */
        public static final Options DEFAULT = new Options(4, Map.of(), null);

        public Options {
            ranked = Map.copyOf(ranked);
            if (precision < 0 || precision > 12) throw new dev.retort.BugException("LaTeX precision " + precision + " outside 0..12");
        }
    }

    private LatexTable() {
    }

    public static void write(ResultTable t, Options o, Writer out) throws IOException {
        List<String> cols = t.columns();
        StringBuilder sb = new StringBuilder();
        if (o.caption() != null) sb.append("% ").append(o.caption().replace('\n', ' ')).append('\n');
        sb.append("% needs \\usepackage{booktabs}\n\\begin{tabular}{");
        for (int i = 0; i < cols.size(); i++) sb.append(t.isNumeric(i) ? 'r' : 'l');
        sb.append("}\n\\toprule\n");
        List<String> head = new ArrayList<>();
        for (String c : cols) head.add(escape(c));
        sb.append(String.join(" & ", head)).append(" \\\\\n\\midrule\n");
        String[][] cells = new String[t.rows().size()][cols.size()];
        for (int r = 0; r < cells.length; r++)
            for (int c = 0; c < cols.size(); c++) cells[r][c] = cell(t.rows().get(r).get(c), o.precision());
        for (int c = 0; c < cols.size(); c++) {
            Goal g = o.ranked().get(cols.get(c));
            if (g != null) emphasise(t, c, g, o.precision(), cells);
        }
        for (String[] row : cells) sb.append(String.join(" & ", row)).append(" \\\\\n");
        sb.append("\\bottomrule\n\\end{tabular}\n");
        out.write(sb.toString());
    }

    /** Bold for the best printed value of column {@code c}, underline for the second; none with fewer than two values. */
    private static void emphasise(ResultTable t, int c, Goal goal, int precision, String[][] cells) {
        BigDecimal[] shown = new BigDecimal[cells.length];
        TreeSet<BigDecimal> distinct = new TreeSet<>();
        for (int r = 0; r < cells.length; r++) {
            Double v = rankValue(t.rows().get(r).get(c));
            if (v == null || v.isNaN() || v.isInfinite()) continue;
            shown[r] = new BigDecimal(Cells.fixed(v, precision)); // as printed
            distinct.add(shown[r]);
        }
        if (distinct.size() < 2) return;
        BigDecimal best = goal.maximize() ? distinct.pollLast() : distinct.pollFirst();
        BigDecimal second = goal.maximize() ? distinct.pollLast() : distinct.pollFirst();
        for (int r = 0; r < cells.length; r++) {
            if (shown[r] == null) continue;
            if (shown[r].compareTo(best) == 0) cells[r][c] = "\\textbf{" + cells[r][c] + "}";
            else if (shown[r].compareTo(second) == 0) cells[r][c] = "\\underline{" + cells[r][c] + "}";
        }
    }

    private static Double rankValue(Object v) {
        if (v instanceof Marked m) return rankValue(m.value());
        if (v instanceof MeanStd ms) return ms.n() == 0 ? null : ms.mean();
        if (v instanceof Number n) return n.doubleValue();
        return null;
    }

    /** One cell's LaTeX: numbers at the precision, the rest escaped; a mark as a superscript. */
    static String cell(Object v, int precision) {
        if (v == null) return "";
        if (v instanceof Marked m) {
            String mark = switch (m.mark()) {
                case "" -> "";
                case "†" -> "\\textsuperscript{\\dag}";
                case "‡" -> "\\textsuperscript{\\ddag}";
                default -> "\\textsuperscript{" + escape(m.mark()) + "}";
            };
            return cell(m.value(), precision) + mark;
        }
        if (v instanceof MeanStd ms) {
            if (ms.n() == 0) return "";
            String mean = number(ms.mean(), precision);
            return ms.n() < 2 ? mean : mean + " $\\pm$ " + number(ms.std(), precision);
        }
        if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue(), precision);
        if (v instanceof Number n) return n.toString();
        return escape(Cells.exact(v));
    }

    private static String number(double d, int precision) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "$\\infty$" : "$-\\infty$";
        String s = Cells.fixed(d, precision);
        // a positive value too small to show (a p-value of 1e-9) is not 0: say "< 0.0001"
        if (d > 0 && Double.parseDouble(s) == 0) return "$<$" + Cells.fixed(Math.pow(10, -precision), precision);
        return s.replace("-", "$-$");
    }

    /** Text safe in a LaTeX table cell: the ten special characters, {@code < > |} and line breaks. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '|' -> sb.append("\\textbar{}");
                case '†' -> sb.append("\\dag{}");
                case '‡' -> sb.append("\\ddag{}");
                case '\r' -> { }
                case '\n' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}

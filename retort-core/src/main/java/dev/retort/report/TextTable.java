package dev.retort.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Aligned columns for a terminal: numbers right-aligned, a dashed rule under the header, no trailing blanks. */
final class TextTable {
    private TextTable() {
    }

    static void write(ResultTable t, Writer out) throws IOException {
        List<String> columns = t.columns();
        int n = columns.size();
        String[][] cells = new String[t.rows().size()][n];
        int[] w = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            w[i] = columns.get(i).length();
            numeric[i] = t.isNumeric(i);
        }
        for (int r = 0; r < cells.length; r++)
            for (int i = 0; i < n; i++) {
                cells[r][i] = oneLine(Cells.display(t.rows().get(r).get(i)));
                w[i] = Math.max(w[i], cells[r][i].length());
            }
        StringBuilder sb = new StringBuilder();
        line(sb, columns.toArray(String[]::new), w, numeric);
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        sb.append('\n');
        for (String[] row : cells) line(sb, row, w, numeric);
        out.write(sb.toString());
    }

    /** A multi-line value (an error with its stack) on one line, its breaks shown as {@code \n}. */
    static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "\\n");
    }

    private static void line(StringBuilder sb, String[] cells, int[] w, boolean[] numeric) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i > 0) sb.append("  ");
            sb.append(numeric[i] ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length()));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        sb.append('\n');
    }
}

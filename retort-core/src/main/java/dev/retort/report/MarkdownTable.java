package dev.retort.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A GitHub-flavoured Markdown table: numeric columns right-aligned, '|' escaped, line breaks as {@code <br>}. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static void write(ResultTable t, Writer out) throws IOException {
        List<String> columns = t.columns();
        StringBuilder sb = new StringBuilder("|");
        for (String c : columns) sb.append(' ').append(escape(c)).append(" |");
        sb.append("\n|");
        for (int i = 0; i < columns.size(); i++) sb.append(t.isNumeric(i) ? " ---: |" : " --- |");
        sb.append('\n');
        for (List<Object> r : t.rows()) {
            sb.append('|');
            for (Object v : r) sb.append(' ').append(escape(Cells.display(v))).append(" |");
            sb.append('\n');
        }
        out.write(sb.toString());
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}

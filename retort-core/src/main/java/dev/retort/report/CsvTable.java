package dev.retort.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV through FastCSV: a header line, then one line per row; fields quoted only when they hold a
 * comma, a quote or a line break; '\n' line ends; values in their exact form ({@link Cells#exact}).
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static void write(List<String> header, List<List<Object>> rows, Writer out) throws IOException {
        // FastCSV closes what it writes to; the caller owns out
        Writer keepOpen = new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(keepOpen)) {
            csv.writeRecord(header);
            List<String> cells = new ArrayList<>(header.size());
            for (List<Object> r : rows) {
                cells.clear();
                for (Object v : r) cells.add(Cells.exact(v));
                csv.writeRecord(cells);
            }
        }
    }
}

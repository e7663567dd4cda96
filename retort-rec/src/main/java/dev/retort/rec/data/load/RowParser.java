package dev.retort.rec.data.load;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;

import java.util.ArrayList;
import java.util.List;

/** Turns scanned lines into rows: resolves header columns, parses ids and numbers, reports bad lines. */
final class RowParser implements LineScanner.Handler {
    private final String file;
    private final TableFormat format;
    private final IdInterner users = new IdInterner();
    private final IdInterner items = new IdInterner();
    private boolean headerPending;
    private int userCol;
    private int itemCol;
    private int ratingCol;
    private int timeCol;
    private int minFields;
    private RowBuffer rows;

    RowParser(String file, TableFormat format) {
        this.file = file;
        this.format = format;
        this.headerPending = format.header();
        if (!headerPending) resolve(null, 0);
    }

    @Override
    public void line(Line line) {
        if (headerPending) {
            headerPending = false;
            List<String> names = new ArrayList<>();
            for (int f = 0; f < line.fieldCount(); f++) names.add(line.text(f).trim());
            resolve(names, line.number());
            return;
        }
        if (line.fieldCount() < minFields) {
            throw bad(line, "has " + line.fieldCount() + " fields; expected at least " + minFields
                    + " (user, item" + (ratingCol >= 0 ? ", rating" : "") + (timeCol >= 0 ? ", timestamp" : "")
                    + ") separated by '" + format.delimiter().replace("\t", "\\t") + "'" + columnsHint(line.fieldCount()));
        }
        int u = users.intern(line, userCol, format.numericIds());
        if (u < 0) throw bad(line, "user " + idProblem(line, userCol));
        int i = items.intern(line, itemCol, format.numericIds());
        if (i < 0) throw bad(line, "item " + idProblem(line, itemCol));
        float rating = 1f;
        if (ratingCol >= 0) {
            rating = line.decimal(ratingCol);
            if (Float.isNaN(rating)) throw bad(line, "rating column " + describe(ratingCol) + " is '" + line.text(ratingCol) + "', expected a number");
        }
        long time = 0;
        if (timeCol >= 0) {
            time = line.integer(timeCol);
            if (time == Line.NOT_A_NUMBER) {
                throw bad(line, "timestamp column " + describe(timeCol) + " is '" + line.text(timeCol) + "', expected integer epoch seconds");
            }
        }
        rows.add(u, i, rating, time);
    }

    Interactions result() {
        if (rows == null) resolve(null, 0); // header-only or empty file
        return rows.build(users.ids(), items.ids());
    }

    /**
     * When the missing fields are only the optional rating/timestamp columns: the {@code columns:} setting
     * that reads this file, e.g. a 3-column file under the 4-column ML-100K default.
     */
    private String columnsHint(int fields) {
        if (userCol >= fields || itemCol >= fields) return "";
        StringBuilder sb = new StringBuilder("; if the file has fewer columns, say which: columns: {user: " + userCol + ", item: " + itemCol);
        if (ratingCol >= 0 && ratingCol < fields) sb.append(", rating: ").append(ratingCol);
        if (timeCol >= 0 && timeCol < fields) sb.append(", timestamp: ").append(timeCol);
        return sb.append("}").toString();
    }

    private String idProblem(Line line, int col) {
        String v = line.text(col);
        return "column " + describe(col) + (v.isEmpty() ? " is empty" : " is '" + v + "'")
                + (format.numericIds() ? ", expected an integer id" : ", expected a non-empty id");
    }

    private String describe(int col) {
        return "#" + col;
    }

    private void resolve(List<String> header, long lineNo) {
        userCol = column(format.user(), header, lineNo, true);
        itemCol = column(format.item(), header, lineNo, true);
        ratingCol = format.rating() == null ? -1 : column(format.rating(), header, lineNo, !format.optionalColumnsMayBeAbsent());
        timeCol = format.timestamp() == null ? -1 : column(format.timestamp(), header, lineNo, !format.optionalColumnsMayBeAbsent());
        minFields = 1 + Math.max(Math.max(userCol, itemCol), Math.max(ratingCol, timeCol));
        rows = new RowBuffer(ratingCol >= 0, timeCol >= 0);
    }

    private int column(Column c, List<String> header, long lineNo, boolean required) {
        if (!c.byName()) return c.index();
        if (header != null) {
            for (int k = 0; k < header.size(); k++) {
                String h = header.get(k);
                int colon = h.indexOf(':');
                if (h.equals(c.name()) || (colon > 0 && h.substring(0, colon).equals(c.name()))) return k;
            }
        }
        if (!required) return -1;
        String where = header == null ? file : file + ":" + lineNo;
        throw PlanException.at(where, null, c.name(), header == null ? "names a column but the format has no header"
                : "is not a column of the header", header == null ? "column indices" : String.join(", ", header));
    }

    private PlanException bad(Line line, String problem) {
        return PlanException.at(file + ":" + line.number(), null, line.show(), problem, null);
    }
}

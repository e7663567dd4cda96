package dev.retort.rec.data.spec;

import dev.retort.rec.data.load.Column;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.data.load.TableFormat;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.Map;

/** Parses file keys ({@code file/format/columns/header/delimiter/quoted}) into a path and {@link TableFormat}. */
final class TableParser {
    private TableParser() {
    }

    static SourceSpec.File file(NodeReader r, Node at, Map<String, Node> m, String path, Path base) {
        Path file = base.resolve(r.string(m.get("file"), path + ".file"));
        return new SourceSpec.File(file, format(r, at, m, path, file.getFileName().toString()));
    }

    /** The table format from the keys present in {@code m}; {@code fileName} picks a default format. */
    static TableFormat format(NodeReader r, Node at, Map<String, Node> m, String path, String fileName) {
        DataFormat format;
        if (m.containsKey("format")) {
            Node f = m.get("format");
            String key = r.string(f, path + ".format");
            try {
                format = DataFormat.parse(null, null, key);
            } catch (dev.retort.PlanException e) {
                throw r.error(f, path + ".format", key, "is not a known data format", DataFormat.allowed());
            }
        } else {
            format = byExtension(fileName);
            if (format == null) throw r.error(at, path + ".format", null, "is needed: the file name '" + fileName + "' does not tell", DataFormat.allowed());
        }
        TableFormat d = TableFormat.of(format);
        String delimiter = m.containsKey("delimiter") ? r.string(m.get("delimiter"), path + ".delimiter") : d.delimiter();
        if (delimiter.isEmpty()) throw r.error(m.get("delimiter"), path + ".delimiter", delimiter, "is empty", "one or more characters");
        boolean header = m.containsKey("header") ? r.bool(m.get("header"), path + ".header") : d.header();
        boolean quoted = m.containsKey("quoted") ? r.bool(m.get("quoted"), path + ".quoted") : d.quoted();
        Column user = d.user();
        Column item = d.item();
        Column rating = d.rating();
        Column time = d.timestamp();
        if (m.containsKey("columns")) {
            String cp = path + ".columns";
            Map<String, Node> c = r.mapping(m.get("columns"), cp, Keys.of("user", "item", "rating", "timestamp"));
            if (!c.containsKey("user") || !c.containsKey("item")) throw r.error(m.get("columns"), cp, null, "needs user and item", "user, item [, rating, timestamp]");
            user = column(r, c.get("user"), cp + ".user", header);
            item = column(r, c.get("item"), cp + ".item", header);
            rating = c.containsKey("rating") ? column(r, c.get("rating"), cp + ".rating", header) : null;
            time = c.containsKey("timestamp") ? column(r, c.get("timestamp"), cp + ".timestamp", header) : null;
        }
        return new TableFormat(format, delimiter, header, quoted, user, item, rating, time);
    }

    private static Column column(NodeReader r, Node n, String path, boolean header) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) return Column.at(r.intValue(n, path, 0));
        String name = r.string(n, path);
        if (!header) throw r.error(n, path, name, "names a column but the file has no header", "a column index, or header: true");
        return Column.named(name);
    }

    private static DataFormat byExtension(String fileName) {
        if (fileName.equals("u.data")) return DataFormat.ML_100K;
        if (fileName.endsWith(".csv")) return DataFormat.CSV;
        if (fileName.endsWith(".tsv")) return DataFormat.TSV;
        if (fileName.endsWith(".dat")) return DataFormat.ML_DAT;
        if (fileName.endsWith(".inter")) return DataFormat.RECBOLE;
        return null;
    }
}

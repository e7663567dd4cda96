package dev.retort.rec.data.spec;

import dev.retort.rec.preprocess.Core;
import dev.retort.rec.preprocess.Implicit;
import dev.retort.rec.preprocess.RatingFilter;
import dev.retort.rec.preprocess.StepSpec;
import dev.retort.rec.preprocess.Subsample;
import dev.retort.rec.preprocess.TimeFilter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code preprocess: [{implicit: {min_rating: 4}}, {core: 5}, ...]}. */
final class StepParser {
    private static final Set<String> KINDS = Keys.of("implicit", "core", "rating", "time", "subsample");

    private StepParser() {
    }

    static List<StepSpec> parse(NodeReader r, Node n, String path) {
        List<StepSpec> out = new ArrayList<>();
        List<Node> steps = r.sequence(n, path);
        for (int i = 0; i < steps.size(); i++) {
            String p = path + "[" + i + "]";
            Map.Entry<String, Node> kind = r.kind(steps.get(i), p, KINDS);
            out.add(step(r, kind.getKey(), kind.getValue(), p + "." + kind.getKey()));
        }
        return out;
    }

    private static StepSpec step(NodeReader r, String kind, Node v, String p) {
        switch (kind) {
            case "implicit": {
                if (!(v instanceof MappingNode)) return new Implicit((float) r.number(v, p));
                Map<String, Node> m = r.mapping(v, p, Keys.of("min_rating"));
                if (!m.containsKey("min_rating")) throw r.error(v, p, null, "needs min_rating", "min_rating");
                return new Implicit((float) r.number(m.get("min_rating"), p + ".min_rating"));
            }
            case "core": {
                if (!(v instanceof MappingNode)) return new Core(r.intValue(v, p, 1));
                Map<String, Node> m = r.mapping(v, p, Keys.of("k"));
                if (!m.containsKey("k")) throw r.error(v, p, null, "needs k", "k");
                return new Core(r.intValue(m.get("k"), p + ".k", 1));
            }
            case "rating": {
                Map<String, Node> m = r.mapping(v, p, Keys.of("min", "max"));
                Float min = m.containsKey("min") ? (float) r.number(m.get("min"), p + ".min") : null;
                Float max = m.containsKey("max") ? (float) r.number(m.get("max"), p + ".max") : null;
                if (min == null && max == null) throw r.error(v, p, null, "needs min or max", "min, max");
                if (min != null && max != null && min > max) throw r.error(v, p, min + " > " + max, "is an empty range", "min <= max");
                return new RatingFilter(min, max);
            }
            case "time": {
                Map<String, Node> m = r.mapping(v, p, Keys.of("from", "to"));
                Long from = m.containsKey("from") ? r.integer(m.get("from"), p + ".from", Long.MIN_VALUE) : null;
                Long to = m.containsKey("to") ? r.integer(m.get("to"), p + ".to", Long.MIN_VALUE) : null;
                if (from == null && to == null) throw r.error(v, p, null, "needs from or to", "from, to (epoch seconds)");
                if (from != null && to != null && from >= to) throw r.error(v, p, from + " >= " + to, "is an empty range", "from < to");
                return new TimeFilter(from, to);
            }
            default: {
                Map<String, Node> m = r.mapping(v, p, Keys.of("n", "fraction", "seed"));
                if (m.containsKey("n") == m.containsKey("fraction")) throw r.error(v, p, null, "needs exactly one of n and fraction", "n, fraction");
                if (!m.containsKey("seed")) throw r.error(v, p, null, "needs a seed", "seed: <integer>");
                Long count = m.containsKey("n") ? r.integer(m.get("n"), p + ".n", 1) : null;
                Double fraction = null;
                if (m.containsKey("fraction")) {
                    fraction = r.number(m.get("fraction"), p + ".fraction");
                    if (!(fraction > 0 && fraction <= 1)) throw r.error(m.get("fraction"), p + ".fraction", fraction, "is outside (0, 1]", "0 < fraction <= 1");
                }
                return new Subsample(count, fraction, r.integer(m.get("seed"), p + ".seed", Long.MIN_VALUE));
            }
        }
    }
}

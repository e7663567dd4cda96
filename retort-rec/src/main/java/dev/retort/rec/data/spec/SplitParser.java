package dev.retort.rec.data.spec;

import dev.retort.rec.split.GlobalTemporalHoldout;
import dev.retort.rec.split.KFold;
import dev.retort.rec.split.LeaveOneOut;
import dev.retort.rec.split.Predefined;
import dev.retort.rec.split.RandomHoldout;
import dev.retort.rec.split.SplitSpec;
import dev.retort.rec.split.UserHoldout;
import dev.retort.rec.split.UserTemporalHoldout;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Parses {@code split: {holdout|leave_one_out|kfold|predefined: {...}}}. */
final class SplitParser {
    private static final Set<String> KINDS = Keys.of("holdout", "leave_one_out", "kfold", "predefined");

    private SplitParser() {
    }

    static SplitSpec parse(NodeReader r, Node n, String path, Path base) {
        Map.Entry<String, Node> kind = r.kind(n, path, KINDS);
        String p = path + "." + kind.getKey();
        Node v = kind.getValue();
        switch (kind.getKey()) {
            case "holdout": {
                Map<String, Node> m = r.mapping(v, p, Keys.of("fraction", "by", "seed", "validation", "at"));
                String by = m.containsKey("by") ? r.choice(m.get("by"), p + ".by", Keys.of("random", "user", "time", "global_time")) : "random";
                double val = m.containsKey("validation") ? validation(r, m.get("validation"), p + ".validation") : 0;
                if (m.containsKey("at") && !by.equals("global_time")) throw r.error(m.get("at"), p + ".at", null, "only applies to by: global_time", "fraction");
                if (by.equals("global_time")) {
                    if (m.containsKey("fraction") == m.containsKey("at")) throw r.error(v, p, null, "needs exactly one of fraction and at", "fraction, at");
                    Double f = m.containsKey("fraction") ? r.fraction(m.get("fraction"), p + ".fraction") : null;
                    Long at = m.containsKey("at") ? r.integer(m.get("at"), p + ".at", Long.MIN_VALUE) : null;
                    checkSum(r, v, p, f == null ? 0 : f, val);
                    return new GlobalTemporalHoldout(f, at, val);
                }
                if (!m.containsKey("fraction")) throw r.error(v, p, null, "needs fraction", "fraction");
                double f = r.fraction(m.get("fraction"), p + ".fraction");
                checkSum(r, v, p, f, val);
                if (by.equals("time")) return new UserTemporalHoldout(f, val);
                long seed = seed(r, v, m, p);
                return by.equals("user") ? new UserHoldout(f, val, seed) : new RandomHoldout(f, val, seed);
            }
            case "leave_one_out": {
                Map<String, Node> m = r.mapping(v, p, Keys.of("by", "seed", "validation"));
                LeaveOneOut.Order by = m.containsKey("by")
                        ? LeaveOneOut.Order.valueOf(r.choice(m.get("by"), p + ".by", Keys.of("time", "random")).toUpperCase(java.util.Locale.ROOT))
                        : null;
                boolean val = m.containsKey("validation") && r.bool(m.get("validation"), p + ".validation");
                long seed = by == LeaveOneOut.Order.TIME && !m.containsKey("seed") ? 0 : seed(r, v, m, p);
                return new LeaveOneOut(by, val, seed);
            }
            case "kfold": {
                Map<String, Node> m = r.mapping(v, p, Keys.of("folds", "by", "seed", "validation"));
                if (!m.containsKey("folds")) throw r.error(v, p, null, "needs folds", "folds: integer >= 2");
                int folds = r.intValue(m.get("folds"), p + ".folds", 2);
                boolean byUser = m.containsKey("by") && r.choice(m.get("by"), p + ".by", Keys.of("random", "user")).equals("user");
                double val = m.containsKey("validation") ? validation(r, m.get("validation"), p + ".validation") : 0;
                checkSum(r, v, p, 1.0 / folds, val);
                return new KFold(folds, byUser, val, seed(r, v, m, p));
            }
            default: {
                Map<String, Node> m = r.mapping(v, p, Keys.of("train", "test", "validation", "format", "columns", "header", "delimiter", "quoted"));
                if (!m.containsKey("train") || !m.containsKey("test")) throw r.error(v, p, null, "needs train and test", "train, test [, validation]");
                Path train = base.resolve(r.string(m.get("train"), p + ".train"));
                Path test = base.resolve(r.string(m.get("test"), p + ".test"));
                Path val = m.containsKey("validation") ? base.resolve(r.string(m.get("validation"), p + ".validation")) : null;
                return new Predefined(train, test, val, TableParser.format(r, v, m, p, train.getFileName().toString()));
            }
        }
    }

    private static double validation(NodeReader r, Node n, String path) {
        double v = r.number(n, path);
        if (!(v >= 0 && v < 1)) throw r.error(n, path, v, "is outside [0, 1)", "0 <= validation < 1 (0 = none)");
        return v;
    }

    private static void checkSum(NodeReader r, Node at, String path, double test, double val) {
        if (test + val >= 1) throw r.error(at, path, "test " + test + " + validation " + val, "leaves no training data", "test + validation < 1");
    }

    private static long seed(NodeReader r, Node at, Map<String, Node> m, String path) {
        if (!m.containsKey("seed")) throw r.error(at, path, null, "needs a seed (random choices are always seeded)", "seed: <integer>");
        return r.integer(m.get("seed"), path + ".seed", Long.MIN_VALUE);
    }
}

package dev.retort.space;

import dev.retort.PlanException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.retort.space.YamlScalars.isNull;
import static dev.retort.space.YamlScalars.show;
import static dev.retort.space.YamlScalars.where;

/**
 * Reads the {@code space:} section of a plan from SnakeYAML's node graph (from {@code new Yaml().compose(reader)}),
 * so that every {@link PlanException} names {@code file:line}, the key path ({@code space.optimizer.sgd.lr}),
 * the value and what is allowed. The grammar is in {@code docs/plan-space.md}.
 */
public final class SpaceParser {
    private static final String BOTH_READINGS = "a map under a factor is a map of levels, each level mapping to a "
            + "sub-space (a mapping) or null; a map with exactly one key among " + String.join(", ", Forms.KINDS)
            + " and a list value is a range or distribution";

    private static final String PRIOR = "prior";
    private static final String PRIOR_SHAPE = "{value: <a value of the distribution>, confidence: low|medium|high}";

    private SpaceParser() {
    }

    /** Parses a non-empty space; {@code file} is used in messages only. */
    public static Space parse(Node spaceNode, String file) {
        if (spaceNode == null || isNull(spaceNode)) throw emptySpace(spaceNode == null ? file : where(file, spaceNode));
        Space space = space(spaceNode, file, "space", Set.of());
        if (space.isEmpty()) throw emptySpace(where(file, spaceNode));
        return space;
    }

    /**
     * Parses a sub-space that lives elsewhere in a plan (e.g. an algorithm's parameters), naming errors
     * with {@code path} (e.g. {@code algorithms.ItemKNN}); null or {@code {}} is the empty space.
     */
    public static Space parseSection(Node node, String file, String path) {
        if (node == null || isNull(node)) return Space.empty();
        return space(node, file, path, Set.of());
    }

    /** The error for a plan whose space is missing or has no factors: {@code where} is {@code file:line} or a file. */
    public static PlanException emptySpace(String where) {
        return PlanException.at(where, null, null, "space is empty", "at least one factor");
    }

    private static Space space(Node node, String file, String path, Set<String> enclosing) {
        if (!(node instanceof MappingNode map))
            throw PlanException.at(where(file, node), path, show(node), "is not a mapping of factors",
                    "a mapping from parameter names to levels, e.g. {lr: [0.1, 0.01]}");
        SpaceBuilder b = Space.builder();
        Set<String> onPath = new HashSet<>(enclosing);
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k) || isNull(k) || k.getTag().equals(Tag.MERGE) || k.getValue().isEmpty())
                throw PlanException.at(where(file, keyNode), path, show(keyNode), "is not a parameter name",
                        "a plain non-empty name");
            String name = k.getValue();
            String key = path + "." + name;
            if (onPath.contains(name))
                throw PlanException.at(where(file, keyNode), key, null,
                        "is defined twice on one path (by an enclosing space or an earlier factor)",
                        "each parameter name once per path; sibling levels may reuse a name");
            onPath.add(name);
            Node v = t.getValueNode();
            if (v instanceof MappingNode m && !isForm(m)) {
                refuseStrayPrior(m, file, key);
                Levels levels = levels(m, file, key, onPath);
                for (int i = 0; i < levels.size(); i++) onPath.addAll(levels.subSpace(i).parameterNames());
                b.levels(name, levels, where(file, keyNode));
            } else {
                Domain d = domain(v, file, key);
                b.factor(name, d, prior(v, d, file, key), where(file, keyNode));
            }
        }
        return b.build();
    }

    /** Rule 6: one key, a known form, a sequence value; optionally, before or after it, a key {@code prior}. */
    private static boolean isForm(MappingNode m) {
        List<NodeTuple> ts = m.getValue();
        if (ts.isEmpty() || ts.size() > 2) return false;
        int form = formIndex(m);
        return form >= 0 && (ts.size() == 1 || isPriorKey(ts.get(1 - form).getKeyNode()));
    }

    private static int formIndex(MappingNode m) {
        for (int i = 0; i < m.getValue().size(); i++) {
            NodeTuple t = m.getValue().get(i);
            if (t.getKeyNode() instanceof ScalarNode k && Forms.KINDS.contains(k.getValue())
                    && t.getValueNode() instanceof SequenceNode) return i;
        }
        return -1;
    }

    private static boolean isPriorKey(Node keyNode) {
        return keyNode instanceof ScalarNode k && k.getValue().equals(PRIOR) && k.getTag().equals(Tag.STR);
    }

    /**
     * A {@code prior:} that is not beside a distribution would otherwise read as a level named "prior" whose
     * sub-space has factors {@code value} and {@code confidence}: refused, naming what a prior needs.
     */
    private static void refuseStrayPrior(MappingNode m, String file, String key) {
        for (NodeTuple t : m.getValue()) {
            if (!isPriorKey(t.getKeyNode()) || !(t.getValueNode() instanceof MappingNode p)) continue;
            for (NodeTuple pt : p.getValue())
                if (pt.getKeyNode() instanceof ScalarNode k && (k.getValue().equals("value") || k.getValue().equals("confidence")))
                    throw PlanException.at(where(file, t.getKeyNode()), key + "." + PRIOR, null,
                            "is not beside a distribution (a prior needs a form key beside it, e.g. {loguniform: [1e-5, 0.1], prior: {...}})",
                            "a prior only on uniform, loguniform, int or choice");
        }
    }

    /** The {@code prior:} beside a form, checked against its domain, or null. */
    private static Prior prior(Node v, Domain d, String file, String key) {
        if (!(v instanceof MappingNode m) || m.getValue().size() < 2) return null;
        NodeTuple t = m.getValue().get(1 - formIndex(m));
        String priorKey = key + "." + PRIOR;
        String at = where(file, t.getValueNode());
        if (!(t.getValueNode() instanceof MappingNode p))
            throw PlanException.at(at, priorKey, show(t.getValueNode()), "is not a mapping", PRIOR_SHAPE);
        Object value = null, confidence = null;
        boolean hasValue = false;
        for (NodeTuple pt : p.getValue()) {
            String k = pt.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(show(pt.getKeyNode()));
            if (k.equals("value")) {
                value = YamlScalars.scalar(pt.getValueNode(), file, priorKey + ".value");
                hasValue = true;
            } else if (k.equals("confidence")) {
                confidence = pt.getValueNode() instanceof ScalarNode s && !isNull(s) ? s.getValue() : show(pt.getValueNode());
            } else {
                throw PlanException.at(where(file, pt.getKeyNode()), priorKey + "." + k, null, "is not a prior key", PRIOR_SHAPE);
            }
        }
        if (!hasValue) throw PlanException.at(at, priorKey, show(p), "has no value", PRIOR_SHAPE);
        if (confidence == null) throw PlanException.at(at, priorKey, show(p), "has no confidence", PRIOR_SHAPE);
        return Prior.of(at, priorKey, d, value, confidence);
    }

    private static Domain domain(Node v, String file, String key) {
        if (v instanceof ScalarNode s) {
            if (isNull(s)) throw PlanException.at(where(file, v), key, show(v), "is not a level",
                    "a scalar, a list of scalars, a range, a distribution or a map of levels");
            return ListDomain.of("list", where(file, v), key, List.of(YamlScalars.scalar(s, file, key)));
        }
        if (v instanceof SequenceNode q) return ListDomain.of("list", where(file, v), key, scalars(q, file, key));
        MappingNode m = (MappingNode) v;
        NodeTuple t = m.getValue().get(formIndex(m));
        String kind = ((ScalarNode) t.getKeyNode()).getValue();
        String formKey = key + "." + kind;
        return Forms.domain(where(file, t.getValueNode()), formKey, kind, scalars((SequenceNode) t.getValueNode(), file, formKey));
    }

    private static List<Object> scalars(SequenceNode q, String file, String key) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < q.getValue().size(); i++) out.add(YamlScalars.scalar(q.getValue().get(i), file, key + "[" + i + "]"));
        return out;
    }

    private static Levels levels(MappingNode m, String file, String key, Set<String> onPath) {
        Levels levels = Levels.of();
        for (NodeTuple t : m.getValue()) {
            Object level = YamlScalars.scalar(t.getKeyNode(), file, key);
            String levelKey = key + "." + level;
            Node sub = t.getValueNode();
            Space s;
            if (isNull(sub)) s = Space.empty();
            else if (sub instanceof MappingNode) s = space(sub, file, levelKey, onPath);
            else throw PlanException.at(where(file, sub), levelKey, show(sub),
                        "is neither a sub-space (a mapping) nor null", BOTH_READINGS);
            levels = levels.level(level, s, where(file, t.getKeyNode()), levelKey);
        }
        return levels;
    }
}

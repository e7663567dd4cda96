package dev.retort.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.PlanException;
import dev.retort.engine.GridSearch;
import dev.retort.engine.Goal;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.engine.SearchStrategy;
import dev.retort.objective.CommandObjective;
import dev.retort.objective.CommandSpec;
import dev.retort.objective.ObjectiveLoader;
import dev.retort.space.Space;
import dev.retort.space.SpaceParser;
import dev.retort.store.StoreSettings;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Reads a YAML plan into a {@link Plan}. Every mistake is one {@link PlanException} naming
 * {@code file:line}, the key, the value and what is allowed; see docs/plan.md for every key.
 */
public final class PlanParser {
    static final Set<String> CORE_KEYS = Set.of("experiment", "objective", "metric", "space", "search", "limits", "store", "workers", "capture");
    /** What an experiment name may be: it names a directory, a Slurm job and a Kubernetes label. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    public static final String NAME_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit";

    private final ClassLoader loader;
    private final List<PlanExtension> extensions;

    public PlanParser(ClassLoader loader) {
        this.loader = loader;
        this.extensions = new ArrayList<>();
        ServiceLoader.load(PlanExtension.class, loader).forEach(extensions::add);
    }

    public static List<PlanExtension> extensions(ClassLoader loader) {
        List<PlanExtension> out = new ArrayList<>();
        ServiceLoader.load(PlanExtension.class, loader).forEach(out::add);
        return out;
    }

    /**
     * A plan and what the caller should tell the user about reading it (for example the recommender
     * toolkit's one line per dataset loaded): the parser and its extensions print nothing.
     */
    public record Read(Plan plan, List<String> notices, List<Path> captureFiles) {
        public Read {
            notices = List.copyOf(notices);
            captureFiles = List.copyOf(captureFiles);
        }

        public Read(Plan plan, List<String> notices) {
            this(plan, notices, List.of());
        }
    }

    /** {@link #read(Path)} without the notices. */
    public Plan parse(Path file) {
        return read(file).plan();
    }

    /** Reads the plan file; see {@link #parse(String, String, Path)}. */
    public Read read(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return read(text(file), file.toString(), dir);
    }

    /**
     * The plan's {@code experiment:} name alone, refused as {@link #read} refuses it, without loading objective
     * classes or datasets: for commands that only name the experiment (a launch file for workers elsewhere).
     */
    public static String experimentName(Path file) {
        Yaml y = new Yaml(file.toString());
        Node root = y.compose(text(file));
        return name(y, root, y.mapping(root, "", null));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanException(file + ": no such plan file");
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read the plan: " + e.getMessage());
        }
    }

    private static String name(Yaml y, Node root, Map<String, Node> top) {
        String name = y.string(y.require(top, root, "", "experiment", "a name: " + NAME_RULE), "experiment");
        if (!name.matches(NAME_PATTERN))
            throw y.error(top.get("experiment"), "experiment", name, "is not a usable directory name", NAME_RULE + ", at most 128");
        return name;
    }

    /** {@link #read(String, String, Path)} without the notices. */
    public Plan parse(String text, String fileName, Path planDir) {
        return read(text, fileName, planDir).plan();
    }

    /** Reads a plan given as text; {@code fileName} names it in messages, relative paths resolve against {@code planDir}. */
    public Read read(String text, String fileName, Path planDir) {
        Yaml y = new Yaml(fileName);
        Node root = y.compose(text);
        Set<String> allowed = new LinkedHashSet<>(CORE_KEYS);
        for (PlanExtension e : extensions) allowed.addAll(e.keys());
        Map<String, Node> top = y.mapping(root, "", allowed);

        String name = name(y, root, top);

        PlanExtension ext = null;
        List<String> extKeys = new ArrayList<>();
        for (PlanExtension e : extensions) {
            for (String k : top.keySet()) if (e.keys().contains(k)) extKeys.add(k);
            if (!extKeys.isEmpty()) {
                ext = e;
                break;
            }
        }

        Space space;
        ObjectiveSpec objective;
        Metric metric;
        List<String> notices = List.of();
        if (ext != null) {
            for (String k : List.of("objective", "space"))
                if (top.containsKey(k)) throw y.error(top.get(k), k, null, "cannot be combined with " + String.join("/", ext.keys()),
                        "either objective + space, or " + String.join(" + ", ext.keys()));
            PlanExtension.DeclaredMetric declared = top.containsKey("metric") ? declaredMetric(y, top.get("metric")) : null;
            PlanExtension.Contribution c = ext.parse(new PlanExtension.Source(fileName, text, planDir, extKeys, declared));
            space = c.space();
            objective = c.objective();
            metric = c.metric();
            notices = c.notices();
        } else {
            space = SpaceParser.parse(y.require(top, root, "", "space", "a mapping of factors"), fileName);
            if (space.isEmpty()) throw y.error(top.get("space"), "space", null, "is empty", "at least one factor");
            objective = objective(y, y.require(top, root, "", "objective", "{class: ...} or {command: [...]}"), space, planDir);
            metric = top.containsKey("metric") ? metric(y, top.get("metric")) : Metric.minimize("value");
        }
        SearchStrategy search = top.containsKey("search") ? Searches.parse(y, top.get("search"), space, loader) : new GridSearch();
        if (!top.containsKey("search") && !space.isGridable())
            throw y.error(top.getOrDefault("search", root), "search", "grid", "cannot sweep a space with uniform/loguniform/int distributions",
                    "search: {random: {trials: N, seed: S}} or {tpe: {trials: N}} for such spaces, or lists and ranges for a grid");
        Limits limits = top.containsKey("limits") ? limits(y, top.get("limits")) : Limits.NONE;
        StoreSettings store = top.containsKey("store") ? store(y, top.get("store")) : StoreSettings.DEFAULTS;
        int workers = top.containsKey("workers") ? (int) y.integer(top.get("workers"), "workers", 1, Plan.MAX_WORKERS) : 1;
        List<Path> captured = top.containsKey("capture") ? CaptureKey.files(y, top.get("capture"), planDir) : List.of();
        return new Read(new Plan(name, space, objective, metric, search, limits, store, workers), notices, captured);
    }

    private ObjectiveSpec objective(Yaml y, Node n, Space space, Path planDir) {
        Map<String, Node> m = y.mapping(n, "objective", Set.of("class", "classpath", "command", "timeout", "env", "workdir"));
        boolean cls = m.containsKey("class"), cmd = m.containsKey("command");
        if (cls == cmd)
            throw y.error(n, "objective", null, cls ? "has both class and command" : "has neither class nor command",
                    "exactly one of class: dev.example.MyObjective or command: [program, args...]");
        ObjectNode runtime = ObjectSpecJson.object();
        if (cls) {
            String className = y.string(m.get("class"), "objective.class");
            List<Path> cp = new ArrayList<>();
            if (m.containsKey("classpath")) {
                for (Node e : y.sequence(m.get("classpath"), "objective.classpath"))
                    cp.add(planDir.resolve(y.string(e, "objective.classpath")).normalize());
                ArrayNode a = runtime.putArray("classpath");
                cp.forEach(p -> a.add(p.toString()));
            }
            ClassLoader l = cp.isEmpty() ? loader : ObjectiveLoader.withClasspath(cp, loader, y.at(m.get("classpath")));
            ObjectiveLoader.load(className, l, y.at(m.get("class"))); // fails here, before anything is written
            for (String k : List.of("timeout", "env", "workdir"))
                if (m.containsKey(k)) throw y.error(m.get(k), "objective." + k, null, "applies only to command objectives", "class, classpath");
            return new ObjectiveSpec("class", ObjectSpecJson.object().put("class", className), runtime, null);
        }
        Node c = m.get("command");
        List<String> argv = new ArrayList<>();
        if (c instanceof ScalarNode) {
            for (String part : y.string(c, "objective.command").trim().split("\\s+")) if (!part.isEmpty()) argv.add(part);
        } else {
            for (Node e : y.sequence(c, "objective.command")) argv.add(y.string(e, "objective.command[" + argv.size() + "]"));
        }
        CommandObjective.validate(argv, space.parameterNames(), y.at(c));
        if (m.containsKey("timeout")) {
            Duration t = y.duration(m.get("timeout"), "objective.timeout");
            if (t.isZero()) throw y.error(m.get("timeout"), "objective.timeout", "0", "is zero", "a positive duration, or leave it out for none");
            runtime.put("timeout_ms", t.toMillis());
        }
        if (m.containsKey("env")) {
            ObjectNode env = runtime.putObject("env");
            y.mapping(m.get("env"), "objective.env", null).forEach((k, v) -> {
                String value = y.string(v, "objective.env." + k);
                CommandSpec.checkEnv(y.at(v), k, value);
                env.put(k, value);
            });
        }
        if (m.containsKey("workdir")) {
            Path wd = planDir.resolve(y.string(m.get("workdir"), "objective.workdir")).normalize();
            CommandSpec.checkWorkDir(y.at(m.get("workdir")), wd);
            runtime.put("workdir", wd.toString());
        }
        runtime.put("plan_dir", planDir.toString());
        ArrayNode id = ObjectSpecJson.array();
        argv.forEach(id::add);
        ObjectNode identity = ObjectSpecJson.object();
        identity.set("command", id);
        return new ObjectiveSpec("command", identity, runtime, null);
    }

    static Metric metric(Yaml y, Node n) {
        PlanExtension.DeclaredMetric d = declaredMetric(y, n);
        return new Metric(d.name(), d.goal() == null ? Goal.MINIMIZE : d.goal());
    }

    /** The {@code metric:} entry as written: a name, or {name, goal}; goal null when not given. */
    static PlanExtension.DeclaredMetric declaredMetric(Yaml y, Node n) {
        if (n instanceof ScalarNode) return new PlanExtension.DeclaredMetric(y.string(n, "metric"), null, y.at(n));
        Map<String, Node> m = y.mapping(n, "metric", Set.of("name", "goal"));
        String name = y.string(y.require(m, n, "metric", "name", "the result key to rank trials by"), "metric.name");
        Goal goal = null;
        if (m.containsKey("goal")) {
            String g = y.string(m.get("goal"), "metric.goal").toLowerCase();
            goal = switch (g) {
                case "minimize", "min" -> Goal.MINIMIZE;
                case "maximize", "max" -> Goal.MAXIMIZE;
                default -> throw y.error(m.get("goal"), "metric.goal", g, "is not a goal", "minimize, maximize");
            };
        }
        return new PlanExtension.DeclaredMetric(name, goal, y.at(n));
    }

    static Limits limits(Yaml y, Node n) {
        Map<String, Node> m = y.mapping(n, "limits", Set.of("max_trials", "max_trials_per_run", "count_running", "max_cost", "wall_time"));
        Map<String, Object> v = new HashMap<>();
        if (m.containsKey("max_trials")) v.put("mt", y.integer(m.get("max_trials"), "limits.max_trials", 0));
        if (m.containsKey("max_trials_per_run")) v.put("mr", y.integer(m.get("max_trials_per_run"), "limits.max_trials_per_run", 0));
        if (m.containsKey("max_cost")) v.put("mc", y.number(m.get("max_cost"), "limits.max_cost", 0));
        if (m.containsKey("wall_time")) v.put("wt", y.duration(m.get("wall_time"), "limits.wall_time"));
        boolean countRunning = !m.containsKey("count_running") || y.bool(m.get("count_running"), "limits.count_running");
        return new Limits((Long) v.get("mt"), (Long) v.get("mr"), countRunning, (Double) v.get("mc"), (Duration) v.get("wt"));
    }

    static StoreSettings store(Yaml y, Node n) {
        Map<String, Node> m = y.mapping(n, "store", Set.of("lease", "heartbeat", "max_attempts"));
        StoreSettings d = StoreSettings.DEFAULTS;
        Duration lease = m.containsKey("lease") ? y.duration(m.get("lease"), "store.lease") : d.lease();
        Duration beat = m.containsKey("heartbeat") ? y.duration(m.get("heartbeat"), "store.heartbeat") : d.heartbeat();
        int attempts = m.containsKey("max_attempts") ? (int) y.integer(m.get("max_attempts"), "store.max_attempts", 1, 1000) : d.maxAttempts();
        if (lease.isZero() || beat.isZero() || beat.compareTo(lease) >= 0)
            throw y.error(n, "store", "lease " + lease.toMillis() + "ms, heartbeat " + beat.toMillis() + "ms",
                    "is not a usable lease", "0 < heartbeat < lease; a heartbeat of a third of the lease is usual");
        return new StoreSettings(lease, beat, attempts);
    }
}

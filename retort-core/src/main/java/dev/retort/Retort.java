package dev.retort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.retort.engine.GridSearch;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.engine.SearchStrategy;
import dev.retort.engine.TrialHook;
import dev.retort.plan.ObjectSpecJson;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.Plan;
import dev.retort.run.Experiment;
import dev.retort.run.LocalRun;
import dev.retort.run.RunResult;
import dev.retort.space.Space;
import dev.retort.store.StoreSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Java API. The short form runs a grid, minimising {@code value}:
 * <pre>{@code
 * RunResult r = Retort.run(trial -> Map.of("value", f(trial.config())), space, Path.of("runs/demo"), Limits.none());
 * }</pre>
 * The long form sets everything a plan can:
 * <pre>{@code
 * RunResult r = Retort.experiment("demo").space(space).objective(MyObjective.class)
 *         .maximize("accuracy").search(new RandomSearch(200, 7)).limits(Limits.none().withMaxCost(500))
 *         .workers(4).dir(Path.of("runs/demo")).run();
 * }</pre>
 * Workers are threads of this JVM here; {@code retort run} on the command line runs worker processes.
 * Results are stored as in the CLI, so {@code retort results runs/demo} shows the same table.
 */
public final class Retort {
    /** This build's version (the Maven project version, from {@code dev/retort/version.properties}). */
    public static final String VERSION = readVersion();

    private Retort() {
    }

    private static String readVersion() {
        try (java.io.InputStream in = Retort.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new BugException("dev/retort/version.properties is missing from the Retort jar");
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.startsWith("${")) throw new BugException("dev/retort/version.properties holds no version: " + p);
            return v;
        } catch (java.io.IOException e) {
            throw new BugException("cannot read dev/retort/version.properties", e);
        }
    }

    /** NePS-style: grid over {@code space}, metric {@code value} minimised, one worker per core. */
    public static RunResult run(Objective objective, Space space, Path dir, Limits limits) {
        return experiment(dir.getFileName().toString()).objective(objective).space(space).dir(dir).limits(limits)
                .workers(Runtime.getRuntime().availableProcessors()).run();
    }

    public static Builder experiment(String name) {
        return new Builder(name);
    }

    /** Collects an experiment's description; {@link #run()} executes it. */
    public static final class Builder {
        private final String name;
        private Space space;
        private ObjectiveSpec objective;
        private Metric metric = Metric.minimize("value");
        private SearchStrategy search = new GridSearch();
        private Limits limits = Limits.NONE;
        private StoreSettings store = StoreSettings.DEFAULTS;
        private int workers = 1;
        private Path dir;
        private Experiment.Mode mode = Experiment.Mode.STRICT;
        private boolean overwriteTrials;
        private Clock clock = Clock.systemUTC();
        private final List<TrialHook> hooks = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder space(Space s) {
            this.space = s;
            return this;
        }

        /** An objective object (a lambda is fine). Its class name identifies it in the stored plan. */
        public Builder objective(Objective o) {
            this.objective = ObjectiveSpec.inProcess(o, o.getClass().getName().replaceAll("\\$\\$Lambda.*", java.util.regex.Matcher.quoteReplacement("$$Lambda")));
            return this;
        }

        /** An objective class with a public no-argument constructor; worker processes can rebuild it. */
        public Builder objective(Class<? extends Objective> type) {
            this.objective = ObjectiveSpec.ofClass(type.getName());
            return this;
        }

        /** A command objective: {@code {name}} placeholders take parameter values. */
        public Builder command(String... argv) {
            ArrayNode a = ObjectSpecJson.array();
            for (String s : argv) a.add(s);
            this.objective = new ObjectiveSpec("command", ObjectSpecJson.object().set("command", a), null, null);
            return this;
        }

        public Builder minimize(String metricName) {
            this.metric = Metric.minimize(metricName);
            return this;
        }

        public Builder maximize(String metricName) {
            this.metric = Metric.maximize(metricName);
            return this;
        }

        public Builder search(SearchStrategy s) {
            this.search = s;
            return this;
        }

        public Builder limits(Limits l) {
            this.limits = l;
            return this;
        }

        public Builder store(StoreSettings s) {
            this.store = s;
            return this;
        }

        public Builder workers(int n) {
            if (n < 1) throw new PlanException("workers: " + n + " is below 1; allowed: an integer >= 1");
            this.workers = n;
            return this;
        }

        /** The experiment directory; default {@code runs/<name>}. */
        public Builder dir(Path d) {
            this.dir = d;
            return this;
        }

        /** Keep what is done and add the configs of a changed space. */
        public Builder extend() {
            this.mode = Experiment.Mode.EXTEND;
            return this;
        }

        /**
         * Run even though the store is missing or empty while an earlier run's trial directories are there;
         * they are overwritten as their trials run again (the CLI's {@code --overwrite-trials}).
         */
        public Builder overwriteTrials() {
            this.overwriteTrials = true;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder hook(TrialHook h) {
            hooks.add(h);
            return this;
        }

        public Plan plan() {
            if (space == null) throw new PlanException("experiment '" + name + "': no space; call space(...)");
            if (objective == null) throw new PlanException("experiment '" + name + "': no objective; call objective(...)");
            return new Plan(name, space, objective, metric, search, limits, store, workers);
        }

        public RunResult run() {
            Plan p = plan();
            Path d = dir != null ? dir : Path.of("runs", name);
            try (Experiment exp = Experiment.open(p, d, new Experiment.Options(mode, overwriteTrials), clock)) {
                return LocalRun.run(exp, workers, Thread.currentThread().getContextClassLoader(), hooks, clock);
            }
        }
    }
}

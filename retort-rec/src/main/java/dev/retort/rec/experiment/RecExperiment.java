package dev.retort.rec.experiment;

import dev.retort.PlanException;
import dev.retort.Retort;
import dev.retort.plan.PlanExtension;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.data.spec.SourceSpec;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.rec.split.SplitSpec;
import dev.retort.report.ResultTable;
import dev.retort.run.RunResult;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recommender experiment from Java, with the same trials, phases, artifacts and tables as a YAML plan:
 * <pre>{@code
 * RecExperiment experiment = RecExperiment.named("baselines")
 *         .dataset("synth", RecExperiment.synthetic(6040, 3706, 1_000_000, 1), new LeaveOneOut(LeaveOneOut.Order.TIME, false, 0))
 *         .algorithm("ItemKNN", Space.builder().factor("k", 20L, 50L).build())
 *         .algorithm("MostPopular")
 *         .metrics("ndcg@10", "recall@10")
 *         .workers(2).dir(Path.of("runs/baselines"));
 * RunResult r = experiment.run();
 * System.out.print(experiment.tables(r, ResultTable.Format.TABLE));
 * }</pre>
 */
public final class RecExperiment {
    private final String name;
    private final List<DatasetSpec> datasets = new ArrayList<>();
    private final Map<String, Space> algorithms = new LinkedHashMap<>();
    private List<String> metrics = List.of("ndcg@10", "hr@10", "recall@10");
    private int k = 100;
    private int workers = 1;
    private Path dir;
    private Double minRating;

    private RecExperiment(String name) {
        this.name = name;
    }

    public static RecExperiment named(String name) {
        return new RecExperiment(name);
    }

    /** A seeded synthetic dataset source (power-law popularity plus latent structure), with timestamps. */
    public static SourceSpec synthetic(int users, int items, long interactions, long seed) {
        return new SourceSpec.Synthetic(new SyntheticSpec(users, items, interactions, seed, true, false));
    }

    public RecExperiment dataset(String datasetName, SourceSpec source, SplitSpec split) {
        datasets.add(new DatasetSpec(datasetName, source, List.of(), split));
        return this;
    }

    public RecExperiment dataset(DatasetSpec spec) {
        datasets.add(spec);
        return this;
    }

    public RecExperiment algorithm(String algorithm, Space params) {
        algorithms.put(RecSpace.checkAlgorithm(algorithm, params), params);
        return this;
    }

    public RecExperiment algorithm(String algorithm) {
        return algorithm(algorithm, Space.empty());
    }

    public RecExperiment metrics(String... names) {
        this.metrics = List.of(names);
        return this;
    }

    /** Length of the predicted lists (default 100; at least the largest cut-off). */
    public RecExperiment listLength(int n) {
        this.k = n;
        return this;
    }

    public RecExperiment workers(int n) {
        this.workers = n;
        return this;
    }

    public RecExperiment dir(Path d) {
        this.dir = d;
        return this;
    }

    /** Only test interactions rated at least {@code min} are relevant (default: every test interaction). */
    public RecExperiment minRating(double min) {
        this.minRating = min;
        return this;
    }

    private List<MetricSpec> metricSpecs() {
        return MetricSpec.parseAll(name, "metrics", metrics);
    }

    private int listLength() {
        return Math.max(k, metricSpecs().stream().mapToInt(MetricSpec::k).max().orElse(10));
    }

    /**
     * Runs the experiment with worker threads in this JVM; results are stored as with {@code retort run}.
     * The first metric ranks the trials. The result's notices start with one line per dataset loaded.
     */
    public RunResult run() {
        if (datasets.isEmpty() || algorithms.isEmpty())
            throw new PlanException("experiment '" + name + "': needs at least one dataset and one algorithm");
        List<MetricSpec> ms = metricSpecs();
        Path d = dir != null ? dir : Path.of("runs", name);
        // data errors before anything is written; loading is never part of a trial's seconds
        List<String> loadLines = new java.util.ArrayList<>();
        RecObjective objective = RecObjective.loaded(datasets, new Evaluation(ms, minRating), listLength(), d, true, loadLines::add);
        MetricSpec first = ms.get(0);
        var builder = Retort.experiment(name).space(RecSpace.of(datasets, algorithms)).objective(objective).workers(workers).dir(d);
        return (first.kind().hasCutoff() ? builder.maximize(first.toString()) : builder.minimize(first.toString())).run()
                .withNoticesFirst(loadLines);
    }

    /** One table per dataset, as {@code retort results} prints them: one row per config (folds aggregated). */
    public String tables(RunResult result, ResultTable.Format format) {
        return tables(result, format, false);
    }

    /** {@link #tables(RunResult, ResultTable.Format)}, with one row per fold when {@code perFold}. */
    public String tables(RunResult result, ResultTable.Format format, boolean perFold) {
        List<TrialRecord> done = result.trials().stream().filter(t -> t.state() == TrialState.DONE).toList();
        Map<String, Integer> folds = new LinkedHashMap<>();
        for (DatasetSpec d : datasets) folds.put(d.name(), RecSpecs.folds(d) > 1 ? RecSpecs.folds(d) : 0);
        List<String> names = metricSpecs().stream().map(MetricSpec::toString).toList();
        return RecReport.render(done, names, new PlanExtension.ReportOptions(format, result.metric(), perFold), listLength(), folds);
    }
}

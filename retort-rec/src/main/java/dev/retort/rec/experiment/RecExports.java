package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.plan.Yaml;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.algo.TopKText;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.metric.Relevance;
import dev.retort.store.TrialRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished trial's predictions as TSV ({@code user item score rank}) or a TREC run file (rank-based scores,
 * see {@link TopKText#writeTrec}), and its test split as TREC qrels, with the datasets' original ids, so
 * trec_eval and similar tools can check every number.
 */
public final class RecExports {
    public enum Kind { TSV, TREC, QRELS }

    private RecExports() {
    }

    /** What to export for one trial; {@link #writeTo} writes it. Checks everything before anything is written. */
    public static final class Export {
        private final Kind kind;
        private final RecObjective.Cell cell;
        private final Relevance relevance;
        private final TopKLists lists;
        private final String tag;

        private Export(Kind kind, RecObjective.Cell cell, Relevance relevance, TopKLists lists, String tag) {
            this.kind = kind;
            this.cell = cell;
            this.relevance = relevance;
            this.lists = lists;
            this.tag = tag;
        }

        public void writeTo(Writer w) throws IOException {
            Interactions train = cell.split().train();
            switch (kind) {
                case QRELS -> writeQrels(cell.split().test(), relevance, w);
                case TSV -> TopKText.writeTsv(lists, train.userIds(), train.itemIds(), w);
                case TREC -> TopKText.writeTrec(lists, train.userIds(), train.itemIds(), tag, w);
            }
        }
    }

    /**
     * Prepares the export of {@code trial}: loads its dataset and split, and (for TSV and TREC) its saved
     * predictions. Qrels hold what the experiment's stored evaluation settings ({@code runtime.evaluation})
     * count as relevant, the same rule its metrics used. @throws PlanException when the trial has no saved
     * predictions
     */
    public static Export prepare(Path experimentDir, JsonNode identity, JsonNode runtime, TrialRecord trial, Kind kind)
            throws IOException {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        List<DatasetSpec> datasets = RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile);
        Path root = runtime.has("cache") ? Path.of(runtime.get("cache").asText()) : experimentDir;
        Evaluation evaluation = Evaluation.fromJson(runtime.path("evaluation"), planFile);
        RecObjective obj = new RecObjective(datasets, evaluation, identity.path("k").asInt(100), root, false);
        RecObjective.Cell cell = obj.cell(trial.config());
        if (kind == Kind.QRELS) return new Export(kind, cell, evaluation.relevance(cell.split().test()), null, null);
        Path p = cell.dir().resolve(RecObjective.PREDICTIONS);
        if (!Files.exists(p))
            throw new PlanException("trial " + trial.id() + " has no saved predictions (" + p + "); allowed: a trial that reached EVAL");
        return new Export(kind, cell, null, TopKLists.read(p), "retort-" + trial.config().getString("algorithm"));
    }

    /**
     * {@code user 0 item 1}, one line per (user, item) pair of the test split that {@code relevance} holds, in
     * split order, users and items by original id; a pair the split holds twice is written once (trec_eval
     * refuses duplicates). Pairs that are not relevant (rated below {@code min_rating}) have no line.
     */
    static void writeQrels(Interactions test, Relevance relevance, Writer w) throws IOException {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < test.size(); i++)
            if (relevance.contains(test.user(i), test.item(i)) && seen.add(((long) test.user(i) << 32) | (test.item(i) & 0xffffffffL)))
                w.write(test.userIds().original(test.user(i)) + " 0 " + test.itemIds().original(test.item(i)) + " 1\n");
        w.flush();
    }
}

package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.PlanException;
import dev.retort.plan.Yaml;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.algo.TopKText;
import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.store.AtomicFiles;
import dev.retort.store.TrialRecord;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished trial's predictions as TSV ({@code user item score rank}) or a TREC run file, and its test split
 * as TREC qrels, with the datasets' original ids, so trec_eval and similar tools can check every number.
 */
public final class RecExports {
    public enum Kind { TSV, TREC, QRELS }

    private RecExports() {
    }

    public static void export(Path experimentDir, JsonNode identity, JsonNode runtime, TrialRecord trial, Kind kind, Path out)
            throws IOException {
        String planFile = runtime.path("plan_file").asText("plan.yaml");
        List<DatasetSpec> datasets = RecSpecs.datasets(new Yaml(planFile).compose(identity.path("datasets").asText()), planFile);
        Path root = runtime.has("cache") ? Path.of(runtime.get("cache").asText()) : experimentDir;
        RecObjective obj = new RecObjective(datasets, List.<MetricSpec>of(), identity.path("k").asInt(100), root, false);
        RecObjective.Cell cell = obj.cell(trial.config());
        Interactions data = cell.split().train();
        IdMap users = data.userIds(), items = data.itemIds();
        if (kind == Kind.QRELS) {
            writeQrels(cell.split().test(), out);
            return;
        }
        Path p = cell.dir().resolve(RecObjective.PREDICTIONS);
        if (!Files.exists(p))
            throw new PlanException("trial " + trial.id() + " has no saved predictions (" + p + "); allowed: a trial that reached EVAL");
        TopKLists lists = TopKLists.read(p);
        if (kind == Kind.TSV) TopKText.writeTsv(lists, users, items, out);
        else TopKText.writeTrec(lists, users, items, "retort-" + trial.config().getString("algorithm"), out);
    }

    /** {@code user 0 item 1}, one line per relevant test interaction, users and items by original id. */
    static void writeQrels(Interactions test, Path out) throws IOException {
        AtomicFiles.write(out, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            for (int i = 0; i < test.size(); i++)
                w.write(test.userIds().original(test.user(i)) + " 0 " + test.itemIds().original(test.item(i)) + " 1\n");
            w.flush();
        });
    }
}

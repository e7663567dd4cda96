package dev.retort.rec.experiment;

import dev.retort.rec.algo.Algorithms;
import dev.retort.rec.algo.Recommender;
import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.data.load.Loader;
import dev.retort.rec.metric.EvalResult;
import dev.retort.rec.metric.Evaluator;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.rec.metric.MetricValue;
import dev.retort.rec.metric.Relevance;
import dev.retort.rec.split.KFold;
import dev.retort.rec.split.Split;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same interactions written in another row order and with other (order-preserving) ids give the same
 * splits, the same lists and the same metrics, for every algorithm: ties break by original item id, never by
 * the order ids first appear in the file.
 */
class FileOrderInvarianceTest {
    @TempDir
    Path dir;

    static final List<MetricSpec> METRICS = MetricSpec.parseAll("test", "metrics", List.of("ndcg@10", "hr@10", "map@10", "mrr@10", "coverage@10"));

    @Test
    void reordering_the_rows_and_relabelling_the_ids_of_the_input_file_changes_no_metric_of_any_algorithm() throws IOException {
        Interactions data = Synthetic.generate(new SyntheticSpec(120, 90, 2500, 5, true, true));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++)
            rows.add(data.userIds().original(data.user(i)).substring(1) + "\t" + data.itemIds().original(data.item(i)).substring(1) + "\t"
                    + (int) data.rating(i) + "\t" + data.timestamp(i));
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(99));
        List<String> relabelled = new ArrayList<>();
        for (String r : shuffled) {
            String[] f = r.split("\t");
            // an order-preserving relabelling: another spelling of every id, same order
            relabelled.add(relabel(f[0]) + "\t" + relabel(f[1]) + "\t" + f[2] + "\t" + f[3]);
        }
        Path a = Files.write(dir.resolve("a.data"), rows);
        Path b = Files.write(dir.resolve("b.data"), relabelled);
        for (String alg : Algorithms.names()) {
            Map<String, Double> ma = metrics(a, alg), mb = metrics(b, alg);
            assertThat(mb).as(alg).isEqualTo(ma);
        }
    }

    /** "17" -> "100017": other ids, in the same (numeric) order. */
    private static String relabel(String id) {
        return Long.toString(100_000 + Long.parseLong(id));
    }

    private static Map<String, Double> metrics(Path file, String algorithm) {
        Interactions data = Loader.load(file, DataFormat.ML_100K).data();
        Map<String, Double> out = new TreeMap<>();
        List<Split> folds = new KFold(2, true, 0, 7).apply(data);
        for (int f = 0; f < folds.size(); f++) {
            Split s = folds.get(f);
            Recommender r = Algorithms.create(algorithm, Config.empty(), null, 2);
            r.fit(s.train());
            TopKLists lists = r.recommend(RecObjective.testUsers(s.test()), 10);
            EvalResult e = Evaluator.of(METRICS).evaluate(new TopKRankedLists(lists), Relevance.of(s.test()));
            for (MetricValue v : e.values()) out.put("fold" + f + " " + v.metric(), v.value());
        }
        return out;
    }
}

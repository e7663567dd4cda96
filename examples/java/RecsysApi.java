// A recommender experiment through the Java API. Run it (after ./retort has built the jar once) with:
//   java -cp retort-cli/target/retort.jar examples/java/RecsysApi.java
import dev.retort.rec.experiment.RecExperiment;
import dev.retort.rec.split.KFold;
import dev.retort.report.ResultTable;
import dev.retort.run.RunResult;
import dev.retort.space.Domain;
import dev.retort.space.Space;

import java.nio.file.Path;
import java.util.List;

public class RecsysApi {
    public static void main(String[] args) {
        List<String> metrics = List.of("ndcg@10", "hr@10", "recall@10");
        RunResult result = RecExperiment.named("recsys-api")
                .dataset("synth", RecExperiment.synthetic(2000, 1500, 100_000, 1), new KFold(3, true, 0, 42))
                .algorithm("MostPopular")
                .algorithm("ItemKNN", Space.builder().factor("k", 20L, 50L).factor("similarity", "cosine").build())
                .algorithm("EASE", Space.builder().factor("lambda", Domain.geom(10, 1000, 3)).build())
                .metrics(metrics.toArray(String[]::new))
                .workers(2)
                .dir(Path.of("runs/recsys-api"))
                .run();
        System.out.print(RecExperiment.tables(result, metrics, ResultTable.Format.TABLE));
    }
}

package dev.retort.rec.experiment;

import dev.retort.PlanException;
import dev.retort.rec.split.KFold;
import dev.retort.rec.split.LeaveOneOut;
import dev.retort.report.ResultTable;
import dev.retort.run.RunResult;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecExperimentTest {
    @TempDir
    Path dir;

    @Test
    void java_api_runs_datasets_folds_and_algorithms_and_renders_one_table_per_dataset() {
        RecExperiment experiment = RecExperiment.named("api")
                .dataset("folds", RecExperiment.synthetic(200, 120, 4000, 1), new KFold(2, true, 0, 7))
                .dataset("loo", RecExperiment.synthetic(150, 100, 3000, 2), new LeaveOneOut(LeaveOneOut.Order.TIME, false, 0))
                .algorithm("ItemKNN", Space.builder().factor("k", 5L, 10L).build())
                .algorithm("MostPopular")
                .metrics("ndcg@10", "recall@10")
                .workers(2).dir(dir);
        DatasetCache.clear(); // as in a fresh process: both datasets load in run()
        RunResult r = experiment.run();
        assertThat(r.notices()).as("one load line per dataset, as notices: the library prints nothing").hasSize(2)
                .satisfies(n -> assertThat(n.get(0)).startsWith("dataset folds: "), n -> assertThat(n.get(1)).startsWith("dataset loo: "));
        // folds: 2 x 3 configs, loo: 3 configs
        assertThat(r.trials()).hasSize(9).extracting(TrialRecord::state).containsOnly(TrialState.DONE);
        assertThat(r.metric().name()).isEqualTo("ndcg@10");
        TrialRecord best = r.best().orElseThrow();
        assertThat(best.config().getString("algorithm")).isEqualTo("ItemKNN"); // beats MostPopular on this data
        String tables = experiment.tables(r, ResultTable.Format.TABLE);
        assertThat(tables).contains("== folds ==", "== loo ==", " ± ", "2/2", "recall@10");
    }

    @Test
    void unknown_algorithm_is_refused_before_anything_runs() {
        assertThatThrownBy(() -> RecExperiment.named("x").algorithm("Popularity"))
                .isInstanceOf(PlanException.class).hasMessageContaining("'Popularity' is not a known algorithm");
    }
}
